"""Weekly check-ins: schedules, reading the answers, rules, the check-in's actions, progress, run
files, and the sweep that sends them.

Pure (no I/O, no clock: time is passed in): `schedule` (next due time, ISO week key, lateness,
pauses), `numbers` / `answers` / `consistency` (answers as runners write them -> a value or one
confirming question; replace-or-keep), `rules` (the triage's pain rules, rising pain, load
spikes, escalation), `actions` (the rasa-sdk actions of the check-in form, run by the engine like
the others), `progress` (text summary and the PNG chart, rendered in memory), `runfiles`
(GPX/TCX/FIT bytes -> runs, added to the right week). Their texts are in dialogues/texts/en.yml.
`sweep` is the loop an adapter runs on a timer: it takes a store, a clock and a send function, so
tests control all three.
"""
