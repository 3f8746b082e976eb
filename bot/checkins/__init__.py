"""Weekly check-ins: schedules, rules, the check-in's actions, progress, and the sweep.

Pure (no I/O, no clock: time is passed in): `schedule` (next due time, ISO week key, lateness,
pauses), `rules` (recurring/rising pain, load spikes), `actions` (the rasa-sdk actions of the
check-in form, run by the engine like the others), `progress` (text summary and the PNG chart,
rendered in memory). Their texts are in dialogues/texts/en.yml. `sweep` is the loop an adapter
runs on a timer: it takes a store, a clock and a send function, so tests control all three.
"""
