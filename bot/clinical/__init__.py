"""Clinical triage a sports physio would sign: red flags as rules over facts, in context.

Data: knowledge/clinical/*.yml. Pure functions: no I/O after the rules are loaded, no clock.
"""
