"""Fixes to the Rasa server itself, installed from a channel's blueprint (the only code of ours that
runs inside `rasa run`).

- A JWT signed with another algorithm than RASA_JWT_METHOD makes PyJWT 2 raise
  InvalidAlgorithmError, which sanic-jwt 1.8 does not catch: Rasa answered 500.
  Any invalid token now gets Rasa's own 401 answer.
- `POST /model/parse` answered 500 to a body that is not a JSON object with a
  text ("An unexpected error occurred": `{}`, `null`, `{"text": 5}`, bytes that
  are not JSON). Such bodies now get 400 before Rasa's handler runs.
- Loading the model imports skops, whose sklearn scan imports numpy.distutils,
  which sets the root logger to WARNING: Rasa's INFO messages (and ours) then
  vanish for the rest of the run. The level Rasa configured (LOG_LEVEL, INFO
  by default) is put back once the server has started.
- Restarting PostgreSQL or Redis under a running server: Rasa's SQL engine
  has no `pool_pre_ping`, so the first turn after a database restart used a
  dead pooled connection, failed, and Rasa's fail-safe store answered it from
  an empty in-memory tracker (the conversation's context lost for that turn);
  the Redis lock store's client does not retry, so the first turn after a
  Redis restart failed. Once the agent is loaded: pre-ping on the SQL pool,
  and retries with backoff (about 3 s in all) on the lock store's Redis
  connections. tests/integration/test_replicas.py restarts both under load.
"""

import json
import logging
from typing import Any

from sanic import Blueprint, response

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


def not_authenticated() -> Any:
    """The body Rasa's HTTP API sends when authentication fails."""
    from rasa.version import __version__

    return response.json({"version": __version__, "status": "failure", "message": "User is not authenticated.",
                          "reason": "NotAuthenticated", "details": {}, "help": None, "code": 401}, status=401)


def install(blueprint: Blueprint) -> None:
    configured_level = logging.getLogger().level  # Rasa has configured logging before building the channels

    @blueprint.listener("after_server_start")
    async def restore_log_level(_app: Any, _loop: Any) -> None:
        root = logging.getLogger()
        if root.level != configured_level:
            root.setLevel(configured_level)
            logger.info("log level restored to %s after loading the model", logging.getLevelName(configured_level))

    @blueprint.listener("before_server_start")
    async def harden(app: Any, _loop: Any) -> None:
        if getattr(app.ctx, "hardened", False):
            return
        app.ctx.hardened = True
        import jwt

        async def invalid_token(_request: Any, error: Exception) -> Any:
            logger.warning("HTTP API: refused an invalid JWT (%s)", type(error).__name__)
            return not_authenticated()

        app.error_handler.add(jwt.exceptions.InvalidTokenError, invalid_token)
        app.register_middleware(check_parse_request, "request")

    @blueprint.listener("after_server_start")
    async def resilient_stores(app: Any, _loop: Any) -> None:
        agent = getattr(app.ctx, "agent", None)
        if agent is not None and not getattr(app.ctx, "stores_hardened", False):
            app.ctx.stores_hardened = True
            harden_stores(agent)


def harden_stores(agent: Any) -> None:
    """Pre-ping for SQL tracker stores' pools, retries for the Redis lock store (see the module docstring)."""
    from rasa.core.lock_store import RedisLockStore
    from rasa.core.tracker_store import SQLTrackerStore

    from channels.privacy import _stores

    for store in _stores(getattr(agent, "tracker_store", None)):
        if isinstance(store, SQLTrackerStore):
            store.engine.pool._pre_ping = True  # what create_engine(pool_pre_ping=True) sets
    lock_store = getattr(agent, "lock_store", None)
    if isinstance(lock_store, RedisLockStore):
        import redis
        from redis.backoff import ExponentialBackoff
        from redis.retry import Retry

        pool = lock_store.red.connection_pool
        pool.connection_kwargs.update(
            retry=Retry(ExponentialBackoff(cap=1.0, base=0.05), 6),
            retry_on_error=[redis.exceptions.ConnectionError, redis.exceptions.TimeoutError])
        pool.disconnect()  # connections made from now on use the retry policy
