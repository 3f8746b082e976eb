"""One exception hierarchy; every message says what is wrong and what to do about it."""

from __future__ import annotations


class RunnerTriageError(Exception):
    """Base class for errors this project raises on purpose."""


class ConfigError(RunnerTriageError):
    """A setting (environment variable, option) is missing or malformed."""


class DefinitionError(RunnerTriageError):
    """A data file (dialogue, knowledge base) is invalid. Names the file and the key."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        self.path = path
        self.key = key
        self.problem = problem
        super().__init__(f"{path}: {key}: {problem}")


class StoreError(RunnerTriageError):
    """Stored data cannot be read or written."""


class StoreRetryLater(StoreError):
    """The store cannot do it now, but may in a moment: a shared store is unreachable, another
    worker holds the user, or this worker lost the user's lease. An update that fails with it is
    not confirmed to Telegram (the webhook answers 503), so it comes again."""


class CorruptDataError(StoreError):
    """A data file on disk is unreadable; it has been moved aside, never overwritten."""
