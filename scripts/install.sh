#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the locked dependencies.
# Called by `make install` only when requirements.lock changed.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  local candidates=()
  if command -v pyenv >/dev/null 2>&1; then
    local root; root="$(pyenv root)"
    for dir in "$root"/versions/3.10*; do [ -x "$dir/bin/python3.10" ] && candidates+=("$dir/bin/python3.10"); done
  fi
  command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
  for py in "${candidates[@]}"; do
    if "$py" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then echo "$py"; return 0; fi
  done
  return 1
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
  PY="$(find_python)" || {
    echo "Python 3.10 is needed (Rasa 3.6 runs on 3.8-3.10) and none was found." >&2
    echo "Install it, e.g. 'pyenv install 3.10.13', or your system's python3.10 package with venv, then run 'make install' again." >&2
    exit 1
  }
  echo "==> Creating .venv with $PY"
  rm -rf .venv
  "$PY" -m venv .venv
fi
echo "==> Installing locked dependencies (first time: a few minutes, ~3 GB)"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
.venv/bin/python -m pip install --disable-pip-version-check --progress-bar on --no-deps -r requirements.lock
echo "==> Checking dependency consistency (pip check)"
.venv/bin/python -m pip check
