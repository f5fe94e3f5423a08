"""Fixes to the Rasa server itself, installed from a channel's blueprint (the only code of ours that
runs inside `rasa run`).

- A JWT signed with another algorithm than RASA_JWT_METHOD makes PyJWT 2 raise
  InvalidAlgorithmError, which sanic-jwt 1.8 does not catch: Rasa answered 500.
  Any invalid token now gets Rasa's own 401 answer.
- Loading the model imports skops, whose sklearn scan imports numpy.distutils,
  which sets the root logger to WARNING: Rasa's INFO messages (and ours) then
  vanish for the rest of the run. The level Rasa configured (LOG_LEVEL, INFO
  by default) is put back once the server has started.
"""

import logging
from typing import Any

from sanic import Blueprint, response

logger = logging.getLogger(__name__)


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
