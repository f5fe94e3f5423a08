"""A quiet start: at INFO the servers print the project's own lines, and the libraries' warnings and errors.

Before, `make run` printed about 30 lines before the useful ones: deprecation warnings that libraries
raise about other libraries (packaging 20.9 and matplotlib on pyparsing 3's old names, while Rasa loads
the model; TensorFlow, Sanic-Cors, APScheduler and Rasa on their dependencies), rasa-sdk's "Registered
function for ..." for every action, and Rasa's progress lines. None says anything an operator can act
on, and they hid the lines that do (the channels that are on, the origins allowed, the URLs).

- `filter_library_warnings()` ignores the warnings of LIBRARY_WARNINGS: each is a category raised from a
  named library module (`warnings.filterwarnings(module=...)`), so a warning raised from the project's
  own code, or another library's, still shows. Rasa's command line puts its own filters in front of
  every earlier one ("once" for each UserWarning, and pyparsing's deprecation warnings are
  UserWarnings): the Rasa server applies these again once Rasa has configured itself
  (server/rasa_patches.py, `install_app`).
- `project_lines_only()` keeps INFO and DEBUG records of the project's loggers (PROJECT_LOGGERS) and
  drops those of libraries; WARNING and above always pass. LOG_LEVEL=DEBUG keeps everything.

PYTHONWARNINGS is not used for this: a warning not listed here still shows, so a new one is seen.
"""

import logging
import warnings
from typing import Tuple, Type

from assistant import config

# (category, regular expression of the module a warning is attributed to, what it is): every warning
# `make run` printed at start with no filter (PYTHONWARNINGS unset), no more.
LIBRARY_WARNINGS: Tuple[Tuple[Type[Warning], str, str], ...] = (
    (UserWarning, r"packaging\.(markers|requirements)$",
     "packaging 20.9 (pinned for Rasa) calls pyparsing 3's old names: PyparsingDeprecationWarning, a UserWarning"),
    (UserWarning, r"matplotlib\.fontconfig_pattern$", "matplotlib 3.5 on pyparsing 3's old names, as above"),
    (DeprecationWarning, r"sanic_cors\.extension$", "Sanic-Cors 2.0 compares versions with distutils"),
    (DeprecationWarning, r"apscheduler$", "APScheduler 3.9 imports pkg_resources"),
    (DeprecationWarning, r"pkg_resources$", "namespace packages declared the old way (mpl_toolkits, ruamel)"),
    (DeprecationWarning, r"tensorflow\.lite\.python\.util$", "TensorFlow 2.12 imports jax.xla_computation"),
    (DeprecationWarning, r"rasa\.core\.tracker_store$", "Rasa 3.6 builds SQLAlchemy URLs with URL()"),
)

PROJECT_LOGGERS = ("actions", "assistant", "channels", "server")


def filter_library_warnings() -> None:
    """Ignore LIBRARY_WARNINGS (see the module docstring); put in front of the filters set so far."""
    for category, module, _why in reversed(LIBRARY_WARNINGS):
        warnings.filterwarnings("ignore", category=category, module=module)


class ProjectLinesOnly(logging.Filter):
    """Passes WARNING and above from anyone; INFO and DEBUG only from the project's loggers."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Whether the record is shown (see the class docstring)."""
        if record.levelno >= logging.WARNING:
            return True
        name = record.name
        return any(name == prefix or name.startswith(prefix + ".") for prefix in PROJECT_LOGGERS)


def project_lines_only() -> None:
    """Put ProjectLinesOnly on the root logger's handlers (once); LOG_LEVEL=DEBUG shows everything."""
    if config.text("LOG_LEVEL").upper() == "DEBUG":
        return
    for handler in logging.getLogger().handlers:
        if not any(isinstance(existing, ProjectLinesOnly) for existing in handler.filters):
            handler.addFilter(ProjectLinesOnly())
