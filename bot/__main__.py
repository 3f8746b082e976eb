"""`python -m bot` is `runner-triage`."""

from bot.cli import main

raise SystemExit(main())
