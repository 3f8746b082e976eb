"""/privacy says what /forget means with a write log (docs/scale.md, "/forget with an AOF"): gone
at once from what the bot uses, from the log on disk within a day, from backups within 14 days."""

from bot import commands
from bot.texts import default_texts


def test_privacy_says_when_forgotten_data_leaves_the_write_log_and_backups() -> None:
    text = " ".join(default_texts().template(commands.PRIVACY_DETAILS, "en").split())
    assert "/forget deletes everything at once from what I use" in text
    assert "within a day from the database's write log" in text
    assert "backups" in text and "within 14 days" in text
