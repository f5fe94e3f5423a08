"""`rasa run` with its secrets from the environment, private files, redacted logs and the project's patches.

server/launcher.py starts the Rasa server as `python -m server.rasa_server run --model ... --port ...` (the
arguments of `rasa run`, without any secret). Here, in this process only:

- `--auth-token` comes from RASA_TOKEN, `--jwt-secret`/`--jwt-method` from RASA_JWT_SECRET and
  RASA_JWT_METHOD: they are added to Rasa's arguments in memory, so they never appear in the process
  list (/proc/<pid>/cmdline is what was executed; the environment, /proc/<pid>/environ, is readable
  only by the same user);
- the umask is 077: every file the server creates (the SQLite tracker store and its journal, under a
  0700 var/) is readable by its owner only;
- every log record, Rasa's, Sanic's and ours, has `token=...` (a URL's query parameter; Sanic logs the
  URL of a request that failed) and `Bearer ...` replaced by `token=[redacted]`: `redact_logs()`
  installs a log record factory, the one place where all records are made;
- `server.rasa_patches.install()` applies every patch to Rasa (the one call; it stops the start when
  the installed Rasa is not the version they were written for).
"""

import logging
import os
import re
import sys
from typing import Any, List, Mapping, Optional

from assistant import config

SECRET_PATTERNS = [
    (re.compile(r"(?i)(token=)[^&\s'\"<>]+"), r"\1[redacted]"),
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1[redacted]"),
]
JWT_METHODS = ("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512")


def redact(text: str) -> str:
    for pattern, replacement in SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactedLogRecord(logging.LogRecord):
    """A LogRecord whose message, and the text of its exception, never carry a token."""

    def getMessage(self) -> str:  # noqa: N802 - logging's name
        return redact(super().getMessage())


def redact_logs() -> None:
    """Every record made from now on, by any logger, is a RedactedLogRecord; exception texts too."""
    logging.setLogRecordFactory(RedactedLogRecord)
    original = logging.Formatter.formatException

    def format_exception(self: logging.Formatter, ei: Any) -> str:
        return redact(original(self, ei))

    logging.Formatter.formatException = format_exception  # type: ignore[method-assign]  # the one patch of logging


def secret_args(environ: Optional[Mapping[str, str]] = None) -> List[str]:
    """Rasa's --auth-token and --jwt-* arguments, from the environment."""
    args = []
    token = config.text("RASA_TOKEN", "", environ)
    if token:
        args += ["--auth-token", token]
    secret = config.text("RASA_JWT_SECRET", "", environ)
    if secret:
        method = config.text("RASA_JWT_METHOD", "HS256", environ)
        if method not in JWT_METHODS:
            raise SystemExit(f"RASA_JWT_METHOD: {method} is not one of {', '.join(JWT_METHODS)}")
        args += ["--jwt-secret", secret, "--jwt-method", method]
    return args


def main(argv: Optional[List[str]] = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if any(arg in ("--auth-token", "--jwt-secret") or arg.startswith(("--auth-token=", "--jwt-secret="))
           for arg in argv):
        raise SystemExit("pass RASA_TOKEN and RASA_JWT_SECRET in the environment, not on the command line")
    os.umask(0o077)
    redact_logs()
    from server import quiet, rasa_patches

    quiet.filter_library_warnings()  # for the imports below; the Rasa server applies them again (rasa_patches)
    rasa_patches.install()
    extra = secret_args()
    os.environ.pop("RASA_JWT_SECRET", None)  # not needed any more in this process's environment
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *argv, *extra]
    rasa_main()


if __name__ == "__main__":
    main()
