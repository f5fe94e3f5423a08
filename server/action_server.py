"""The action server: rasa-sdk's executor behind our own small Sanic app.

Why not `python -m rasa_sdk`: rasa-sdk 3.6.2 binds 0.0.0.0 unless SANIC_HOST
says otherwise, allows CORS from any origin, answers 500 to malformed action
calls (a JSON list, a missing tracker, a bad deflate body...) and its error
handler returns the whole request body, i.e. the conversation, in the 500
answer and logs it. Here:

- it binds `--host` (default `SANIC_HOST`, else 127.0.0.1): the Rasa server is
  its only client (server/launcher.py passes BIND_HOST);
- `POST /webhook` checks the shape of the action call first: anything that is
  not an action call gets 400 `{"error": ...}`; an unknown action 404; a
  rejected form validation 400 (as rasa-sdk); an action that fails anyway 500
  with a fixed message, logged with the action's name and the error type only;
- no CORS headers (browsers have no business here); `GET /health`, `GET /actions`.

Usage: python -m server.action_server [--port 5055] [--host 127.0.0.1] [--actions actions]
"""

import argparse
import json
import logging
import warnings
import zlib
from pathlib import Path
from typing import Any, Dict, Optional, Tuple, Union

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from assistant import config

ROOT = Path(__file__).resolve().parent.parent

logger = logging.getLogger("actions.server")

MAX_BODY_BYTES = 8 * 1024 * 1024  # an action call carries the whole tracker: generous, but bounded
OPTIONAL_TYPES: Dict[str, Union[type, Tuple[type, ...]]] = {
    "slots": dict,
    "latest_message": dict,
    "events": list,
    "paused": bool,
    "followup_action": str,
    "active_loop": dict,
    "active_form": dict,
    "latest_action_name": str,
    "latest_action": dict,
    "latest_event_time": (int, float),
    "latest_input_channel": str,
}


class BadCall(ValueError):
    pass


def _decode(request: Request) -> Any:
    body = request.body or b""
    if request.headers.get("Content-Encoding") == "deflate":
        inflater = zlib.decompressobj()
        try:
            body = inflater.decompress(body, MAX_BODY_BYTES)
        except zlib.error:
            raise BadCall("the body is not valid deflate data")
        if inflater.unconsumed_tail:
            raise BadCall(f"the inflated body is larger than {MAX_BODY_BYTES} bytes")
    if not body:
        raise BadCall("empty body")
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadCall("the body is not JSON")


def check_action_call(call: Any) -> Dict[str, Any]:
    """The action call if it has the shape Rasa sends; BadCall naming the first problem otherwise."""
    if not isinstance(call, dict):
        raise BadCall("an action call is a JSON object")
    if not isinstance(call.get("next_action"), str) or not call["next_action"]:
        raise BadCall("'next_action' must be an action name")
    if call.get("version") is not None and not isinstance(call["version"], str):
        raise BadCall("'version' must be text")
    if call.get("domain") is not None and not isinstance(call["domain"], dict):
        raise BadCall("'domain' must be an object")
    tracker = call.get("tracker")
    if not isinstance(tracker, dict):
        raise BadCall("'tracker' must be an object")
    sender = tracker.get("sender_id")
    if not isinstance(sender, str) or isinstance(sender, bool):
        raise BadCall("'tracker.sender_id' must be text")
    for key, kind in OPTIONAL_TYPES.items():
        value = tracker.get(key)
        if value is not None and (not isinstance(value, kind) or (kind is not bool and isinstance(value, bool))):
            raise BadCall(f"'tracker.{key}' has the wrong type")
    if any(not isinstance(event, dict) for event in tracker.get("events") or []):
        raise BadCall("'tracker.events' must be a list of objects")
    if any(not isinstance(name, str) for name in (tracker.get("slots") or {})):
        raise BadCall("slot names must be text")
    if any(not isinstance(event.get("event"), str) for event in tracker.get("events") or []):
        raise BadCall("every event needs an 'event' name")
    _check_latest_message(tracker.get("latest_message") or {})
    loop = tracker.get("active_loop") or {}
    if loop.get("name") is not None and not isinstance(loop["name"], str):
        raise BadCall("'active_loop.name' must be text")
    for name, value in (tracker.get("slots") or {}).items():
        slot_type = SLOT_TYPES.get(name, "any")
        if slot_type != "any" and value is not None and not _is(value, SLOT_VALUE_TYPES[slot_type]):
            raise BadCall(f"slot '{name[:40]}' must be of type {slot_type}")
        if slot_type == "list" and value is not None and not all(isinstance(item, str) for item in value):
            raise BadCall(f"slot '{name[:40]}' must be a list of texts")
    # Absent and null mean the same to Rasa; rasa-sdk's Tracker wants the defaults, not None.
    call["tracker"] = {key: value for key, value in tracker.items() if value is not None}
    return call


def _is(value: Any, kinds: tuple) -> bool:
    return isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)


def _check_latest_message(latest: Dict[str, Any]) -> None:
    """The parse result as Rasa and our NLU components make it."""
    if latest.get("text") is not None and not isinstance(latest["text"], str):
        raise BadCall("'latest_message.text' must be text")
    intent = latest.get("intent")
    if intent is not None:
        if not isinstance(intent, dict) or not isinstance(intent.get("name"), (str, type(None))) \
                or not _is(intent.get("confidence", 0.0), (int, float, type(None))):
            raise BadCall("'latest_message.intent' must be an object with a name and a confidence")
    entities = latest.get("entities")
    if entities is not None:
        if not isinstance(entities, list):
            raise BadCall("'latest_message.entities' must be a list")
        for entity in entities:
            if not isinstance(entity, dict) or not isinstance(entity.get("entity"), str):
                raise BadCall("each entity must be an object with an 'entity' name")
            for key in ("role", "group"):
                if not isinstance(entity.get(key), (str, type(None))):
                    raise BadCall(f"an entity's '{key}' must be text")
            context = entity.get("context")
            if context is not None and not (isinstance(context, list) and all(isinstance(c, str) for c in context)):
                raise BadCall("an entity's 'context' must be a list of texts")
    nothing = latest.get("clinical_nothing_to_report")
    if nothing is not None and not (isinstance(nothing, list) and all(isinstance(n, str) for n in nothing)):
        raise BadCall("'clinical_nothing_to_report' must be a list of texts")
    cues = latest.get("clinical_warning_cues")
    if cues is not None and not (isinstance(cues, list) and all(isinstance(c, str) for c in cues)):
        raise BadCall("'clinical_warning_cues' must be a list of texts")


def _slot_types() -> Dict[str, str]:
    """Slot name -> type from domain.yml (what Rasa's slots can hold); requested_slot is Rasa's own."""
    import yaml

    try:
        slots = (yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8")) or {}).get("slots") or {}
    except (OSError, yaml.YAMLError):
        slots = {}
    types = {name: (spec or {}).get("type", "any") for name, spec in slots.items() if isinstance(spec, dict)}
    types["requested_slot"] = "text"
    return types


SLOT_VALUE_TYPES = {"text": (str,), "categorical": (str,), "bool": (bool,), "float": (int, float),
                    "list": (list,), "any": (object,)}
SLOT_TYPES = {name: kind if kind in SLOT_VALUE_TYPES else "any" for name, kind in _slot_types().items()}


def create_app(actions_package: str = "actions") -> Sanic:
    from rasa_sdk.executor import ActionExecutor
    from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException

    app = Sanic("rasa_sdk_checked", configure_logging=False)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
    executor = ActionExecutor()
    executor.register_package(actions_package)

    @app.get("/health")
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    @app.get("/actions")
    async def actions(_: Request) -> HTTPResponse:
        return response.json([{"name": name} for name in executor.actions])

    @app.post("/webhook")
    async def webhook(request: Request) -> HTTPResponse:
        try:
            call = check_action_call(_decode(request))
        except BadCall as error:
            return response.json({"error": f"Not an action call: {error}."}, status=400)
        with warnings.catch_warnings():  # rasa-sdk warns on every call that has no or another version
            warnings.simplefilter("ignore")
            from rasa_sdk.utils import check_version_compatibility

            check_version_compatibility(call.get("version"))
        name = call["next_action"]
        try:
            result = await executor.run(call)
        except ActionExecutionRejection as error:
            return response.json({"error": error.message, "action_name": error.action_name}, status=400)
        except ActionNotFoundException as error:
            return response.json({"error": error.message, "action_name": error.action_name}, status=404)
        except Exception as error:
            logger.error("action %s failed: %s", name[:80], type(error).__name__)
            return response.json({"error": "The action failed.", "action_name": name}, status=500)
        return response.json(result)

    @app.exception(Exception)
    async def any_error(request: Request, error: Exception) -> HTTPResponse:
        status = getattr(error, "status_code", 500) or 500
        if status >= 500:
            logger.error("%s %s failed: %s", request.method, request.path, type(error).__name__)
        return response.json({"error": "The request could not be handled."}, status=status)

    return app


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(config.text("ACTIONS_PORT", "5055")))
    parser.add_argument("--host", default=config.text("SANIC_HOST", "127.0.0.1"))
    parser.add_argument("--actions", default="actions")
    args = parser.parse_args(argv)

    from rasa_sdk import utils

    from server import quiet

    quiet.filter_library_warnings()
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(config.text("LOG_LEVEL", "INFO"))
    utils.update_sanic_log_level()
    quiet.project_lines_only()
    app = create_app(args.actions)
    logger.info("Action server on http://%s:%s", args.host, args.port)
    app.run(args.host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
