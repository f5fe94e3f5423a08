"""tests/servers: each test here boots real servers (the assistant on free ports, or PostgreSQL, nginx,
Chromium): marked `servers`, so `pytest -m "not servers"` leaves them out wherever they are collected."""

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list) -> None:
    """Mark every test of this directory `servers`."""
    for item in items:
        if "tests/servers/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.servers)
