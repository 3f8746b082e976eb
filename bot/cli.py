"""`runner-triage` — the command line. `python -m bot` is the same.

Errors a user can act on are printed as one line (no traceback) with exit code 2.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from bot import __version__, collector
from bot.errors import RunnerTriageError

log = logging.getLogger("bot")


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1-65535)")
    return port


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="runner-triage",
        description="Triage helper for runners' pain: terminal chat, Telegram bot, Rasa actions.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--log-level", default=None, help="DEBUG, INFO, WARNING (default: $LOG_LEVEL or WARNING)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    chat = sub.add_parser("chat", help="chat in the terminal (the default command)")
    chat.add_argument("--json", action="store_true",
                      help="JSON lines: one user message per input line, one JSON object per output line")
    chat.add_argument("--data-dir", type=Path, default=None,
                      help="where the conversation is kept (default: $RUNNER_TRIAGE_DATA_DIR or ~/.local/share/runner-triage)")
    chat.add_argument("--user", default="terminal", help="conversation id to use (default: terminal)")
    chat.add_argument("--memory", action="store_true",
                      help="keep no conversation on disk (a /summary or /progress file you ask for is still written, and named at the end)")

    flow = sub.add_parser("flow", help="validate the dialogue and print it")
    flow.add_argument("--mermaid", action="store_true", help="print the flow as a Mermaid state diagram")
    flow.add_argument("--dir", type=Path, default=None, help="dialogue directory (default: the packaged one)")

    kb = sub.add_parser("kb", help="the knowledge base: check it, show an entry")
    kb_sub = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    kb_check = kb_sub.add_parser("check", help="validate the knowledge base")
    kb_check.add_argument("--dir", type=Path, default=None)
    kb_show = kb_sub.add_parser("show", help="print one entry with its source")
    kb_show.add_argument("entry_id")
    kb_show.add_argument("--dir", type=Path, default=None)
    kb_sub.add_parser("list", help="list entry ids and titles")

    evaluate = sub.add_parser("eval", help="score the safety screen or the NLU on a labelled set")
    evaluate.add_argument("what", choices=["safety", "nlu"])
    evaluate.add_argument("files", nargs="*", type=Path,
                          help="labelled YAML sets (default: the ones in tests/data/)")

    store = sub.add_parser("store", help="the data directory")
    store_sub = store.add_subparsers(dest="store_command", metavar="STORE_COMMAND", required=True)
    store_check = store_sub.add_parser("check", help="scan every data file and report problems")
    store_check.add_argument("--data-dir", type=Path, default=None)

    checkins = sub.add_parser("checkins", help="weekly check-ins: who is due (reads the data directory)")
    checkins_sub = checkins.add_subparsers(dest="checkins_command", metavar="CHECKINS_COMMAND", required=True)
    due = checkins_sub.add_parser("due", help="list the runners whose check-in is due at a time (ids, due time, lateness)")
    due.add_argument("--at", required=True, type=_aware_datetime,
                     help="ISO time with an offset, e.g. 2026-12-07T09:00:00+01:00")
    due.add_argument("--data-dir", type=Path, default=None)

    run = sub.add_parser("run", help="run the Telegram bot (long polling; --webhook for a webhook)")
    run.add_argument("--webhook", action="store_true",
                     help="receive updates on a webhook (needs WEBHOOK_URL and WEBHOOK_SECRET)")
    run.add_argument("--listen", default=None, help="webhook listen address (default: $WEBHOOK_LISTEN or 127.0.0.1)")
    run.add_argument("--port", type=_port, default=None, help="webhook port (default: $WEBHOOK_PORT or 8443)")
    run.add_argument("--path", default=None, help="webhook URL path (default: $WEBHOOK_PATH or telegram)")
    run.add_argument("--url", default=None, help="public webhook URL Telegram calls (default: $WEBHOOK_URL)")
    run.add_argument("--data-dir", type=Path, default=None,
                     help="where conversations are kept (default: $RUNNER_TRIAGE_DATA_DIR or ~/.local/share/runner-triage)")

    webhook = sub.add_parser("webhook", help="register the webhook with Telegram once for all workers: set, delete, info")
    webhook_sub = webhook.add_subparsers(dest="webhook_command", metavar="WEBHOOK_COMMAND", required=True)
    hook_set = webhook_sub.add_parser("set", help="point Telegram at WEBHOOK_URL with WEBHOOK_SECRET "
                                                  "and WEBHOOK_MAX_CONNECTIONS")
    hook_set.add_argument("--url", default=None, help="public webhook URL (default: $WEBHOOK_URL)")
    hook_delete = webhook_sub.add_parser("delete", help="stop webhook delivery (updates wait for getUpdates or a new webhook)")
    for hook_parser in (hook_set, hook_delete):
        hook_parser.add_argument("--drop-pending-updates", action="store_true",
                                 help="also drop the updates Telegram holds (default: keep them)")
    webhook_sub.add_parser("info", help="what Telegram has registered, pending updates, the last delivery error")

    actions = sub.add_parser("actions", help="serve the triage actions on rasa-sdk's action server, for a Rasa assistant")
    actions.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1, this machine only)")
    actions.add_argument("--port", type=_port, default=5055, help="port to listen on (default: 5055, Rasa's default)")
    return parser


def _aware_datetime(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO time like 2026-12-07T09:00:00+01:00") from None
    if moment.utcoffset() is None:
        raise argparse.ArgumentTypeError(f"{text!r} has no UTC offset; add one, e.g. +01:00 or Z")
    return moment


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("run", "chat"):
        # Imports and loading build only what is kept: no cyclic collection until the engine is
        # loaded (Engine.load_serving resumes it, with what was loaded frozen).
        collector.pause()
    _configure_logging(args.log_level)
    try:
        return _dispatch(args)
    except RunnerTriageError as exc:
        print(f"runner-triage: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, like other command-line tools.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _configure_logging(level: str | None) -> None:
    import os

    name = (level or os.environ.get("LOG_LEVEL") or "WARNING").upper()
    logging.basicConfig(level=getattr(logging, name, logging.WARNING),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _default_command() -> str:
    """No command given: the Telegram bot when a token is configured, else the terminal chat."""
    import os

    from bot.telegram.config import load_dotenv_file

    load_dotenv_file()
    if os.environ.get("TELEGRAM_BOT_TOKEN"):
        return "run"
    print("No TELEGRAM_BOT_TOKEN set: starting the terminal chat (see README for Telegram).", file=sys.stderr)
    return "chat"


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command or _default_command()
    if command == "chat":
        return asyncio.run(_chat(getattr(args, "json", False), getattr(args, "data_dir", None),
                                 getattr(args, "user", "terminal"), getattr(args, "memory", False)))
    if command == "flow":
        from bot import validation

        sources = validation.load_sources(dialogues_dir=args.dir)
        found = validation.problems(sources)
        if found:
            for problem in found:
                print(problem, file=sys.stderr)
            print(f"{len(found)} problem(s) in {sources.vocabulary.directory}", file=sys.stderr)
            return 1
        dialogue = sources.dialogue
        if args.mermaid:
            sys.stdout.write(dialogue.mermaid())
        else:
            for name, state in dialogue.states.items():
                print(f"{name}: {state.description}")
        return 0
    if command == "kb":
        return _kb(args)
    if command == "eval":
        return _evaluate(args.what, args.files)
    if command == "store":
        return asyncio.run(_store_check(args.data_dir))
    if command == "checkins":
        return asyncio.run(_checkins_due(args.at, args.data_dir))
    if command == "run":
        import os

        from bot.telegram.app import run
        from bot.telegram.config import load_config, load_dotenv_file

        load_dotenv_file()
        if args.log_level:  # `runner-triage --log-level DEBUG run` beats $LOG_LEVEL
            os.environ["LOG_LEVEL"] = args.log_level
        return run(load_config(webhook=getattr(args, "webhook", False), data_dir=getattr(args, "data_dir", None),
                               listen=getattr(args, "listen", None), port=getattr(args, "port", None),
                               path=getattr(args, "path", None), url=getattr(args, "url", None)))
    if command == "webhook":
        return _webhook(args)
    if command == "actions":
        from bot.rasa_server import serve

        return serve(args.host, args.port)
    raise AssertionError(command)


def _webhook(args: argparse.Namespace) -> int:
    from telegram.error import InvalidToken, TelegramError

    from bot.telegram.config import load_config, load_dotenv_file
    from bot.telegram.webhook_admin import run_admin

    load_dotenv_file()
    action = args.webhook_command
    config = load_config(webhook=action == "set", url=getattr(args, "url", None))
    try:
        lines = run_admin(action, config, drop_pending=getattr(args, "drop_pending_updates", False))
    except InvalidToken:
        raise RunnerTriageError("Telegram rejected TELEGRAM_BOT_TOKEN (unauthorized): check it with @BotFather") from None
    except TelegramError as exc:
        raise RunnerTriageError(f"Telegram refused webhook {action}: {exc}") from None
    for line in lines:
        print(line)
    return 0


def _kb(args: argparse.Namespace) -> int:
    from bot.knowledge import KnowledgeBase
    from bot.paths import knowledge_directory

    directory = getattr(args, "dir", None) or knowledge_directory()
    if args.kb_command == "check":
        from bot import validation

        sources = validation.load_sources(knowledge_dir=directory)
        kb = sources.kb
        problems = [str(p) for p in validation.problems(sources)] + kb.problems()
        for problem in problems:
            print(problem)
        print(f"{len(kb.entries)} entries, {len(problems)} problem(s) in {directory}")
        return 1 if problems else 0
    kb = KnowledgeBase.load(directory)
    if args.kb_command == "show":
        try:
            print(kb.show(args.entry_id))
        except KeyError as exc:
            print(f"runner-triage: error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
            return 2
        return 0
    for entry in kb.entries:
        print(f"{entry.id:24} {entry.title}")
    return 0


def _evaluate(what: str, files: list[Path]) -> int:
    import yaml

    from bot import evaluation
    from bot.paths import data_directory

    default_dir = data_directory("tests") / "data"
    if not files:
        names = ["safety_eval.yml", "safety_holdout.yml", "safety_final.yml", "safety_untouched.yml"] if what == "safety" else ["nlu_eval.yml"]
        files = [default_dir / n for n in names if (default_dir / n).exists()]
        if not files:
            print(f"runner-triage: error: no labelled sets found in {default_dir}; name the files", file=sys.stderr)
            return 2
    nlu = None
    for path in files:
        try:
            cases = evaluation.load_cases(path)
        except OSError as exc:
            print(f"runner-triage: error: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        except (KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
            print(f"runner-triage: error: {path} is not a labelled set (a YAML file with a "
                  f"'cases:' list): {type(exc).__name__}", file=sys.stderr)
            return 2
        print(f"== {path}")
        if what == "safety":
            print("\n".join(evaluation.evaluate_safety(cases).lines()))
        else:
            if nlu is None:
                from bot.nlu.pipeline import NLU

                nlu = NLU()
            print("\n".join(evaluation.evaluate_nlu(cases, nlu.parse).lines()))
    return 0


async def _store_check(data_dir: Path | None) -> int:
    from bot.paths import user_data_directory
    from bot.store import TinyDBStore

    directory = data_dir or user_data_directory()
    store = TinyDBStore(directory)
    try:
        problems = await store.check()
    finally:
        await store.close()
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {directory}")
    return 1 if problems else 0


async def _checkins_due(at: datetime, data_dir: Path | None) -> int:
    """Every runner due at `at` per the schedule index: user id, due time (UTC), lateness, and
    what the sweep would do (send, or skip because it is 24 h late or more). Reads only the index."""
    from bot.checkins.schedule import too_late
    from bot.checkins.sweep import next_run_note
    from bot.paths import user_data_directory
    from bot.store import TinyDBStore

    directory = data_dir or user_data_directory()
    if not directory.is_dir():
        raise RunnerTriageError(f"no data directory at {directory}; pass --data-dir or set RUNNER_TRIAGE_DATA_DIR")
    store = TinyDBStore(directory)
    try:
        due = await store.due_checkins(at, limit=10**9)
    finally:
        await store.close()
    for user_id, when in due:
        action = "skip (24 h late or more)" if too_late(when, at) else "send"
        print(f"{user_id}\t{when.isoformat()}\t{next_run_note(when, at)}\t{action}")
    print(f"{len(due)} check-in(s) due at {at.isoformat()} in {directory}", file=sys.stderr)
    return 0


async def _chat(as_json: bool, data_dir: Path | None, user: str, memory: bool) -> int:
    from bot.engine import Engine
    from bot.paths import user_data_directory
    from bot.store import open_store
    from bot.terminal import TerminalChat, run_interactive, run_json

    engine = Engine.load_serving()
    store = open_store(None if memory else (data_dir or user_data_directory()))
    try:
        directory = None if memory else (data_dir or user_data_directory())
        chat = TerminalChat(engine, store, user, chart_dir=directory, state_dir=directory)
        if as_json:
            return await run_json(chat, sys.stdin, sys.stdout)
        return await run_interactive(chat, sys.stdin, sys.stdout)
    finally:
        await store.close()
