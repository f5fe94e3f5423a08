"""Every patch this project applies to Rasa, in one place, installed by one explicit call.

`install()` is called once, by server/rasa_server.py (the Rasa server process `make run` and the
Dockerfile start) before Rasa's command line runs; nothing else applies a patch, and importing this
module changes nothing. It first checks that the installed Rasa is the version the patches were
written, measured and tested against (RASA_VERSION) and stops the start otherwise: each patch
replaces or wraps a private detail of that version. Rasa's extension points (the channels, the
tracker and lock stores, the NLU component) are configured in credentials.yml, endpoints and
config.yml as usual and are not patches.

What is patched, and why:

- Rasa's app factory `rasa.core.run.configure_app` is wrapped so that the app it builds gets the
  hooks below, whatever channels credentials.yml lists (they used to hang off the REST channel's
  blueprint: without that channel they silently went).
- A JWT signed with another algorithm than RASA_JWT_METHOD makes PyJWT 2 raise
  InvalidAlgorithmError, which sanic-jwt 1.8 does not catch: Rasa answered 500.
  Any invalid token now gets Rasa's own 401 answer.
- `POST /model/parse` answered 500 to a body that is not a JSON object with a
  text ("An unexpected error occurred": `{}`, `null`, `{"text": 5}`, bytes that
  are not JSON). Such bodies now get 400 before Rasa's handler runs; the same for the
  conversation routes of the HTTP API (`check_api_request`).
- A request body must arrive within SANIC_REQUEST_TIMEOUT (`receive_body_in_time`).
- Rasa sets the keep-alive timeout to 120 s whatever SANIC_KEEP_ALIVE_TIMEOUT says; it is put back.
- Loading the model imports skops, whose sklearn scan imports numpy.distutils,
  which sets the root logger to WARNING: Rasa's INFO messages (and ours) then
  vanish for the rest of the run. The level Rasa configured (LOG_LEVEL, INFO
  by default) is put back once the server has started.
- Speed (issue 16), once the agent is loaded: the action endpoint becomes one
  keep-alive HTTP session (server/action_endpoint.py) and the prediction graph
  runs without dask (server/graph_runner.py): subclasses swapped into the loaded agent.
- Speed, process-wide (server/speedups.py): the action-response validation, the event type lookup,
  the tracker state sent to the action server, RulePolicy's rule search and the joining of sparse
  features replace Rasa functions with faster equivalents (same results).
"""

import json
import logging
from typing import Any, Optional, Tuple

from sanic import response

from assistant import config

logger = logging.getLogger(__name__)


def error(status: int, reason: str, message: str) -> Any:
    """An answer in the shape of Rasa's HTTP API errors."""
    from rasa.version import __version__

    return response.json({"version": __version__, "status": "failure", "message": message, "reason": reason,
                          "details": {}, "help": None, "code": status}, status=status)


async def check_parse_request(request: Any) -> Any:
    """400 for a /model/parse body that is not a JSON object with a text; None lets Rasa handle it."""
    if request.method != "POST" or request.path.rstrip("/") != "/model/parse":
        return None
    try:
        body = json.loads(request.body) if request.body else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        body = None
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        return error(400, "BadRequest", 'The body must be a JSON object with a text: {"text": "..."}.')
    return None


def scope_api_conversation_id(request: Any) -> None:
    """The HTTP API's `/conversations/<id>/...` names channel-scoped ids (channels/sessions.py):
    `telegram:424242`, `web:<session>`, `rest:<id>`. An id without a channel prefix is what a REST
    client would send: a session token `<id>.<signature>` is `web:<id>`, anything else `rest:<id>` (a
    trusted backend's own id), so `GET /conversations/<REST sender>/tracker` reads what that sender said."""
    match_info = getattr(request, "match_info", None) or {}
    conversation_id = match_info.get("conversation_id")
    if not isinstance(conversation_id, str) or not request.path.startswith("/conversations/"):
        return None
    from channels import sessions

    if not sessions.has_scope(conversation_id):
        session_id = sessions.verify(conversation_id)
        request.match_info["conversation_id"] = sessions.scoped(sessions.WEB_SCOPE, session_id) if session_id \
            else sessions.scoped("rest", conversation_id)
    return None


async def check_jwt_claims(request: Any) -> Any:
    """403 for a valid JWT whose `user` claim is not an object (Rasa's scope check answered 500 to a
    string or null); anything else is left to Rasa (an invalid JWT: 401 through `invalid_token`)."""
    header = request.headers.get("Authorization") or ""
    if not header.lower().startswith("bearer ") or request.args.get("token") is not None:
        return None
    payload = await _jwt_payload(request, check_authenticated=False)
    if isinstance(payload, dict) and "user" in payload and not isinstance(payload["user"], dict):
        return error(403, "NotAuthorized", "The token's 'user' claim must be an object with a username and a role.")
    return None


async def authorized(request: Any, conversation_id: Optional[str] = None) -> bool:
    """Whether Rasa's `requires_auth` will let this request through (the token or a JWT with scope)."""
    import hmac

    token = config.text("RASA_TOKEN")
    given = request.args.get("token")
    if token and isinstance(given, str) and hmac.compare_digest(given.encode(), token.encode()):
        return True
    payload = await _jwt_payload(request, check_authenticated=True)
    user = payload.get("user") if isinstance(payload, dict) else None
    if not isinstance(user, dict):
        return False
    return user.get("role") == "admin" or (user.get("role") == "user" and conversation_id is not None
                                           and user.get("username") == conversation_id)


async def _jwt_payload(request: Any, check_authenticated: bool) -> Any:
    """The request's JWT payload through Sanic-JWT (None: no JWT auth, an invalid token, or, when
    `check_authenticated`, one Sanic-JWT does not accept)."""
    auth = getattr(request.app.ctx, "auth", None)
    if auth is None or not request.app.config.get("USE_JWT"):
        return None
    try:
        if check_authenticated:
            ok = auth.is_authenticated(request)
            if hasattr(ok, "__await__"):
                ok = await ok
            if not ok:
                return None
        payload = auth.extract_payload(request)
        if hasattr(payload, "__await__"):
            payload = await payload
    except Exception:
        return None
    return payload


def _json(request: Any) -> Tuple[bool, Any]:
    try:
        return True, json.loads(request.body) if request.body else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False, None


def body_problem(method: str, route: str, body: Any) -> Optional[str]:
    """What is wrong with the JSON body of an HTTP API call (None: Rasa can handle it)."""
    import jsonschema
    from rasa.shared.utils.schemas.events import EVENTS_SCHEMA

    def events(value: Any) -> Optional[str]:
        try:
            jsonschema.validate(value, EVENTS_SCHEMA)
        except jsonschema.ValidationError as error:
            where = "/".join(str(part) for part in error.absolute_path) or "the body"
            return f"Invalid events at {where}: {error.validator} {str(error.validator_value)[:80]}."
        except RecursionError:
            return "The events are nested too deeply."
        return None

    if route.endswith("/tracker/events"):
        if method == "PUT" and not isinstance(body, list):
            return "The body must be a JSON list of events."
        listed = body if isinstance(body, list) else [body]
        problem = events(listed)
        if problem:
            return problem
        if method == "POST" and not listed:
            return "The body must hold at least one event."
        # Rasa reads them inside a try that turns its own 400 into a 500 (and logs the request's JSON, i.e.
        # the user's text, in a warning): read them first.
        from rasa.shared.core.events import Event

        for index, parameters in enumerate(listed):
            try:
                if Event.from_parameters(parameters) is None:
                    return f"Event {index} is not an event Rasa knows."
            except Exception:
                return f"Event {index} cannot be read."
        return None
    if route == "model/predict":
        return events(body if isinstance(body, list) else [body])
    if route.endswith(("/trigger_intent", "/execute")):
        if not isinstance(body, dict) or not isinstance(body.get("name"), str):
            return 'The body must be a JSON object with a name: {"name": "..."}.'
        if route.endswith("/trigger_intent"):
            entities = body.get("entities")
            if entities is None or (isinstance(entities, dict) and all(isinstance(k, str) for k in entities)):
                return None
            if not isinstance(entities, list) or not all(
                    isinstance(e, dict) and isinstance(e.get("entity"), str) and "value" in e for e in entities):
                return "'entities' must be an object {name: value} or a list of {\"entity\": ..., \"value\": ...}."
        return None
    if route.endswith("/messages"):
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or \
                not isinstance(body.get("sender"), str):
            return 'The body must be a JSON object: {"text": "...", "sender": "user"}.'
        parse_data = body.get("parse_data")
        if parse_data is None:
            return None
        # Rasa reads parse_data["intent"]["name"] and the entities' fields directly (a 500 otherwise).
        intent = parse_data.get("intent") if isinstance(parse_data, dict) else None
        if not isinstance(intent, dict) or not isinstance(intent.get("name"), str) or (
                "confidence" in intent and (isinstance(intent["confidence"], bool)
                                            or not isinstance(intent["confidence"], (int, float)))):
            return ("'parse_data' must be an object with an intent and entities: "
                    "{\"intent\": {\"name\": \"...\", \"confidence\": 1.0}, \"entities\": []}.")
        if parse_data.get("text") is not None and not isinstance(parse_data["text"], str):
            return "'parse_data.text' must be text."
        entities = parse_data.get("entities")
        if not isinstance(entities, list) or not all(
                isinstance(e, dict) and isinstance(e.get("entity"), str) for e in entities):
            return "'parse_data.entities' must be a list of {\"entity\": ..., \"value\": ...}."
        return None
    if route == "model" and method == "PUT":
        if not isinstance(body, dict):
            return 'The body must be a JSON object: {"model_file": "..."}.'
        for key in ("model_file", "model_server", "remote_storage"):
            if body.get(key) is not None and not isinstance(body[key], (str, dict) if key == "model_server" else str):
                return f"'{key}' has the wrong type."
        return None
    return None


CONVERSATION_ROUTES_WITH_A_TURN = ("/tracker/events", "/trigger_intent", "/execute", "/messages", "/predict")


async def check_api_request(request: Any) -> Any:
    """For an authenticated HTTP API call: 400 for a body Rasa would answer with a 500 (or log with its
    content), and the conversation's session started with an output channel (Rasa starts it with none,
    and a session start that says something, as ours does, then fails with a 500)."""
    route = getattr(getattr(request, "route", None), "path", "") or ""
    if not (route.startswith("conversations/") or route in ("model", "model/predict")):
        return None
    conversation_id = (request.match_info or {}).get("conversation_id")
    if not await authorized(request, conversation_id):
        return None  # Rasa answers 401/403
    if request.method in ("POST", "PUT"):
        parsed, body = _json(request)
        if not route.endswith("/predict") or route == "model/predict":
            problem = "The body must be JSON." if not parsed else body_problem(request.method, route, body)
            if problem:
                return error(400, "BadRequest", problem)
            agent = getattr(request.app.ctx, "agent", None)
            domain = getattr(agent, "domain", None)
            if route.endswith("/execute") and domain is not None:
                if body["name"] not in domain.action_names_or_texts:
                    return error(404, "NotFound", "No action of that name in the domain.")
                if body.get("policy") is not None and not isinstance(body["policy"], str) or \
                        body.get("confidence") is not None and (isinstance(body["confidence"], bool) or
                                                                not isinstance(body["confidence"], (int, float))):
                    return error(400, "BadRequest", "'policy' must be text and 'confidence' a number.")
    if conversation_id and request.method in ("POST", "PUT") and route.endswith(CONVERSATION_ROUTES_WITH_A_TURN):
        agent = getattr(request.app.ctx, "agent", None)
        if agent is not None and getattr(agent, "processor", None) is not None:
            from rasa.core.channels.channel import CollectingOutputChannel

            async with agent.lock_store.lock(conversation_id):
                tracker = await agent.processor.fetch_tracker_and_update_session(
                    conversation_id, output_channel=CollectingOutputChannel())
                await agent.processor.save_tracker(tracker)
    return None


def not_authenticated() -> Any:
    """The body Rasa's HTTP API sends when authentication fails."""
    from rasa.version import __version__

    return response.json({"version": __version__, "status": "failure", "message": "User is not authenticated.",
                          "reason": "NotAuthenticated", "details": {}, "help": None, "code": 401}, status=401)


# The Rasa release every patch here was written, measured and tested against (requirements.lock).
RASA_VERSION = "3.6.21"


class UnsupportedRasa(SystemExit):
    """Raised at start on another Rasa: the patches reach into that release's internals."""


def check_rasa_version(installed: Optional[str] = None) -> str:
    """The installed Rasa version, or UnsupportedRasa when it is not RASA_VERSION."""
    if installed is None:
        from rasa.version import __version__

        installed = str(__version__)
    if installed != RASA_VERSION:
        raise UnsupportedRasa(f"Rasa {installed} is installed; server/rasa_patches.py was written for Rasa "
                              f"{RASA_VERSION} (requirements.lock). Check each patch against the new release, "
                              "then change RASA_VERSION.")
    return installed


_installed = False


def install() -> None:
    """Apply every patch (once per process); stops the start on another Rasa version."""
    global _installed
    check_rasa_version()
    if _installed:
        return
    _installed = True
    import rasa.core.run

    from server import speedups

    speedups.install()
    build_app = rasa.core.run.configure_app

    def configure_app(*args: Any, **kwargs: Any) -> Any:
        app = build_app(*args, **kwargs)
        install_app(app)
        return app

    configure_app.__wrapped__ = build_app  # type: ignore[attr-defined]
    rasa.core.run.configure_app = configure_app


def install_app(app: Any) -> None:
    """The hooks on the Rasa server's Sanic app (built by Rasa, logging configured): see the docstring."""
    from server import quiet

    # Rasa's command line has set its warning filters and log handlers by now: a quiet start from here on.
    quiet.filter_library_warnings()
    quiet.project_lines_only()
    configured_level = logging.getLogger().level

    @app.signal("http.routing.after")
    async def receive_body_in_time(request: Any, route: Any = None, handler: Any = None, **_: Any) -> None:
        """Sanic reads a request's body after routing, under the *response* timeout (Rasa's default
        --response-timeout is 3600 s): a client that sends its headers and then a slow or short body held
        a connection for an hour. Here the body must arrive within REQUEST_TIMEOUT (SANIC_REQUEST_TIMEOUT,
        10 s from server/launcher.py), else 408 and the connection is closed."""
        import asyncio

        from sanic.exceptions import RequestTimeout

        stream = getattr(request, "stream", None)
        if not (stream and getattr(stream, "request_body", None)) or hasattr(handler, "is_stream") or \
                (route is not None and getattr(route.ctx, "ignore_body", False)):
            return
        try:
            await asyncio.wait_for(request.receive_body(), timeout=float(request.app.config.REQUEST_TIMEOUT))
        except asyncio.TimeoutError:
            # The rest of the body may still come and would be read as the next request: answer 408, then
            # close the connection (Sanic keeps it open after an error raised in a handler stage).
            transport = getattr(request, "transport", None)
            if transport is not None:
                asyncio.get_event_loop().call_later(0.5, transport.close)
            raise RequestTimeout("The request body did not arrive in time.")

    async def restore_log_level(_app: Any, _loop: Any) -> None:
        root = logging.getLogger()
        if root.level != configured_level:
            root.setLevel(configured_level)
            logger.info("log level restored to %s after loading the model", logging.getLevelName(configured_level))

    async def harden(app: Any, _loop: Any) -> None:
        if getattr(app.ctx, "hardened", False):  # once per app, however often it starts
            return
        app.ctx.hardened = True

        import jwt

        # Rasa's serve_application sets KEEP_ALIVE_TIMEOUT to 120 s whatever SANIC_KEEP_ALIVE_TIMEOUT says:
        # an idle connection (one per client, and a slot each) was kept two minutes. Sanic reads the value
        # for each new connection.
        keep_alive = config.text("SANIC_KEEP_ALIVE_TIMEOUT")
        if keep_alive:
            app.config.KEEP_ALIVE_TIMEOUT = float(keep_alive)

        async def invalid_token(_request: Any, error: Exception) -> Any:
            logger.warning("HTTP API: refused an invalid JWT (%s)", type(error).__name__)
            return not_authenticated()

        app.error_handler.add(jwt.exceptions.InvalidTokenError, invalid_token)
        app.register_middleware(check_parse_request, "request")
        app.register_middleware(scope_api_conversation_id, "request")
        app.register_middleware(check_jwt_claims, "request")
        app.register_middleware(check_api_request, "request")

    async def faster_agent(app: Any, _loop: Any) -> None:
        agent = getattr(app.ctx, "agent", None)
        if agent is not None:
            from server import action_endpoint, graph_runner

            action_endpoint.install(agent)
            graph_runner.install(agent)

    app.register_listener(harden, "before_server_start")
    app.register_listener(restore_log_level, "after_server_start")
    app.register_listener(faster_agent, "after_server_start")
