#!/usr/bin/env bash
# Install the Debian packages the browser and integration tests need, when they are missing:
#   chromium                headless browser driven by Playwright (tests/test_widget.py)
#   fonts-noto-color-emoji  so the "⚠️" of emergency advice renders in screenshots
#   postgresql redis-server nginx
#                           the replica test (tests/integration/test_replicas.py) starts its own
#                           instances on free ports under a temp dir; the packages' own services are
#                           not started by this install (policy-rc.d), nothing listens on 5432/6379/80
# Only as root, only what is missing; says what it does. Not root and missing:
# prints the command to run and exits 0 (the tests that need them then skip with a reason).
set -euo pipefail

PACKAGES=(chromium fonts-noto-color-emoji postgresql redis-server nginx)

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
for package in "${PACKAGES[@]}"; do
    if installed "$package"; then
        echo "setup_system: $package is installed"
    else
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup_system: missing ${missing[*]} and no apt-get here; install them with your package manager." >&2
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "setup_system: missing ${missing[*]}; not root, so not installing. Run as root:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 0
fi

echo "setup_system: installing ${missing[*]} (apt-get update && apt-get install -y --no-install-recommends ${missing[*]})"
export DEBIAN_FRONTEND=noninteractive
# Do not let the packages start their system services (PostgreSQL on 5432, Redis on 6379, nginx on 80):
# the tests run their own instances. policy-rc.d exit code 101 = "action forbidden".
policy=/usr/sbin/policy-rc.d
own_policy=no
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    own_policy=yes
fi
trap '[ "$own_policy" = yes ] && rm -f "$policy"' EXIT
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
echo "setup_system: installed ${missing[*]}"
