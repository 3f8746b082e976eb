"""`runner-triage actions`: our rasa-sdk actions on rasa-sdk's action server, for a Rasa assistant.

The same action classes the engine runs in-process (bot.actions) are served by rasa-sdk's own
Sanic app (`rasa_sdk.endpoint.create_app`), so the HTTP protocol is rasa-sdk's, not ours. What we
add around it:

- one process, bound to 127.0.0.1 by default (`rasa_sdk.endpoint.run` binds every interface and
  forks workers that would each load the NLU); NLU and knowledge base are loaded once at start-up;
- the socket is bound before the server starts, so a taken port is one clear error line;
- malformed request bodies get 400 with Rasa's error JSON instead of a 500;
- an action that fails gets 500 with the action name only: rasa-sdk's own handler echoes the
  request body (the runner's message) and logs a traceback at ERROR; ours logs the exception type
  at ERROR and the traceback at DEBUG, so no message text is logged at INFO or above;
- the tracker in an action call is deep-copied before the actions see it (see CopyingActionExecutor).
"""

from __future__ import annotations

import copy
import errno
import json
import logging
import socket
import sys
import zlib
from typing import Any

from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor, ActionExecutorRunResult
from rasa_sdk.interfaces import ActionExecutionRejection, ActionMissingDomainException, ActionNotFoundException
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.actions import build_actions
from bot.errors import ConfigError
from bot.knowledge import KnowledgeBase
from bot.nlu.pipeline import NLU

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5055  # Rasa's default action_endpoint port
INVALID_BODY = "Invalid body request"  # rasa-sdk's own wording for a missing body


class ActionFailed(SanicException):
    """An action raised: answered as 500 naming the action, never with the request or a traceback."""

    status_code = 500
    quiet = True  # we log it ourselves, without the traceback at ERROR

    def __init__(self, action_name: str) -> None:
        super().__init__(f"action '{action_name}' failed; see the action server's log")
        self.action_name = action_name


class CopyingActionExecutor(ActionExecutor):
    """rasa-sdk's executor, but the caller's action call is never modified.

    `Tracker.from_dict` keeps references to the dict's `slots`, `latest_message` and `events`, and
    `validate_triage_form` updates `tracker.slots` while it validates, so the plain executor
    changes the caller's dict in place. Deep-copying here makes a direct caller safe.
    Unexpected exceptions become ActionFailed (rasa-sdk's protocol errors pass through).
    """

    async def run(self, action_call: dict[str, Any], sink: Any = None,
                  dispatcher: Any = None) -> ActionExecutorRunResult | None:
        call = copy.deepcopy(action_call)
        try:
            return await super().run(call, sink=sink, dispatcher=dispatcher)
        except (ActionNotFoundException, ActionExecutionRejection, ActionMissingDomainException):
            raise
        except Exception as exc:
            name = str(call.get("next_action"))
            log.error("action %s failed: %s", name, type(exc).__name__)
            log.debug("action %s failed", name, exc_info=exc)
            raise ActionFailed(name) from exc


def build_server_executor(nlu: NLU, kb: KnowledgeBase) -> ActionExecutor:
    executor = CopyingActionExecutor()
    for action in build_actions(nlu, kb):
        executor.register_action(action)
    return executor


def _decode_body(request: Request) -> Any:
    body = request.body
    if request.headers.get("Content-Encoding") == "deflate":
        body = zlib.decompress(body)
    return json.loads(body)


def body_problem(request: Request) -> str | None:
    """Why a /webhook body cannot be an action call, or None. Messages name fields, not values."""
    try:
        call = _decode_body(request)
    except (ValueError, zlib.error):
        return "the body is not JSON"
    if not isinstance(call, dict):
        return "the body is not a JSON object"
    if not call.get("next_action"):
        return None  # rasa-sdk answers an action call without an action with `null`
    if not isinstance(call["next_action"], str):
        return "next_action is not a string"
    tracker = call.get("tracker")
    if not isinstance(tracker, dict) or not isinstance(tracker.get("sender_id"), str):
        return "tracker is missing or has no sender_id"
    for key, kind in (("slots", dict), ("latest_message", dict), ("events", list), ("active_loop", dict)):
        if tracker.get(key) is not None and not isinstance(tracker[key], kind):
            return f"tracker.{key} is not a JSON {'object' if kind is dict else 'array'}"
    domain = call.get("domain")
    if domain is not None and not isinstance(domain, dict):
        return "domain is not a JSON object"
    return None


def create_action_app(executor: ActionExecutor, cors_origins: str | list[str] | None = None) -> Sanic[Any, Any]:
    """rasa-sdk's app with our body check and error answers. No CORS unless asked for: the
    caller is a Rasa server, not a browser."""
    app = create_app(executor, cors_origins=cors_origins or "", auto_reload=False)
    app.config.MOTD = False

    @app.on_request
    async def check_body(request: Request) -> HTTPResponse | None:
        if request.method != "POST" or request.path != "/webhook":
            return None
        problem = body_problem(request)
        if problem is None:
            return None
        log.warning("rejected a /webhook request: %s", problem)
        return response.json({"error": INVALID_BODY, "detail": problem, "action_name": None}, status=400)

    # More specific than rasa-sdk's `Exception` handler, so these win: Sanic's own errors (404
    # route, 405) and ActionFailed are answered as JSON without the request body.
    @app.exception(SanicException)
    async def sanic_error(request: Request, exc: SanicException) -> HTTPResponse:
        body: dict[str, Any] = {"error": str(exc)}
        if isinstance(exc, ActionFailed):
            body["action_name"] = exc.action_name
        return response.json(body, status=getattr(exc, "status_code", 500))

    return app


def bind(host: str, port: int) -> socket.socket:
    """Bind the listening socket now, so a taken port is one clear error before anything starts."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ConfigError(f"cannot resolve --host {host!r}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(f"port {port} on {host} is already in use; stop the other server "
                              "or choose another with --port") from None
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> int:
    """Load NLU and knowledge base once, then serve the actions until interrupted."""
    from bot.paths import knowledge_directory

    sock = bind(host, port)
    try:
        kb = KnowledgeBase.load(knowledge_directory())
        nlu = NLU()
        executor = build_server_executor(nlu, kb)
        app = create_action_app(executor)
        names = ", ".join(a.name for a in executor.list_actions())
        shown = f"[{host}]" if ":" in host else host
        print(f"runner-triage: action server on http://{shown}:{sock.getsockname()[1]}/webhook "
              f"({names}); Ctrl+C stops it", file=sys.stderr, flush=True)
        app.run(sock=sock, single_process=True, access_log=False, motd=False)
    finally:
        sock.close()
    return 0
