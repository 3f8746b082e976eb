"""Runner triage bot: helps runners decide what to do about pain."""

__version__ = "0.1.0"
