"""`python -m server`: the launcher (server/launcher.py), as `make run` and the Dockerfile start it."""

import sys

from server.launcher import main

sys.exit(main())
