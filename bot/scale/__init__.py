"""Several bot workers on one Redis: leases with fencing tokens, a leader lease for the check-in
sweep, and one send rate for the whole bot (docs/scale.md).

Needs the optional extra ``runner-triage[redis]`` (redis-py); nothing here is imported by the
single-process bot.
"""
