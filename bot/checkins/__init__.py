"""Weekly check-ins: schedules, reading the answers, rules, the progress chart, run files, and
the sweep that sends them.

Pure parts (no I/O, no clock: time is passed in): `schedule` (next due time, ISO week key,
lateness, pauses), `numbers` / `answers` / `consistency` (answers as runners write them -> a
value or one confirming question; replace-or-keep), `rules` (the triage's pain rules, rising
pain, load spikes, escalation), `texts` (every text of these, until it moves to YAML),
`progress` (text summary and the PNG chart, rendered in memory), `runfiles` (GPX/TCX/FIT bytes
-> runs, added to the right week). `sweep` is the loop an adapter runs on a timer: it takes a
store, a clock and a send function, so tests control all three.
"""
