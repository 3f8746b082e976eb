"""The Telegram channel (python-telegram-bot 22): `runner-triage run` and `run --webhook`.

Modules: config (settings from the environment), render (HTML, splitting, callback data),
keyboards (buttons kept in the user's record), adapter (the handlers and the outbox), ingress (one
update in: handled, saved, flushed, then confirmed), polling and webhook (the two ways updates
arrive), app (building and running the Application), health (the container health check; imports
nothing heavy).
"""
