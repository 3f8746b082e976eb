"""What the Telegram channel says outside a turn: keys of dialogues/texts/en.yml ("telegram").

Declared here, apart from the adapter, so the start-up check sees them without importing PTB
(the terminal chat checks the same catalog).
"""

from __future__ import annotations

from bot.texts import text_key

TEXT_ONLY = text_key("telegram.text_only")
EDITED = text_key("telegram.edited")
SLOW_DOWN = text_key("telegram.slow_down")
GROUP = text_key("telegram.group")
OPEN_PRIVATE = text_key("telegram.open_private")
BUTTON_NOTES = {outcome: text_key(f"telegram.button.{outcome}") for outcome in ("unknown", "used", "stale")}
SORRY = text_key("telegram.sorry")
