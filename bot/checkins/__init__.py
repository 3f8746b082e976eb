"""Weekly check-ins: schedules, rules, the progress chart and the sweep that sends them.

Pure parts (no I/O, no clock: time is passed in): `schedule` (next due time, ISO week key,
lateness, pauses), `rules` (recurring/rising pain, load spikes), `progress` (text summary and the
PNG chart, rendered in memory). `sweep` is the loop an adapter runs on a timer: it takes a store,
a clock and a send function, so tests control all three.
"""
