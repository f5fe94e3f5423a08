"""The README is one screen that points to docs/, and every link there leads somewhere.

(The README's command examples run against real servers in tests/servers/test_readme.py.)
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PAGES = [README] + sorted((ROOT / "docs").glob("*.md"))
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)\s]*)?\)")


def test_the_readme_says_what_it_is_gives_the_two_commands_and_links_each_doc():
    text = README.read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text and "It informs; it never diagnoses" in text
    assert "<!-- readme-examples -->" in text
    for page in ("channels", "deployment", "privacy", "conversation", "testing", "architecture"):
        assert f"(docs/{page}.md" in text, page
    # One screen of prose around the examples and the tree, not the whole manual again.
    assert len(text.splitlines()) < 150


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_relative_link_leads_to_a_file(page):
    text = page.read_text(encoding="utf-8")
    targets = [m.group(1) for m in LINK.finditer(text) if not m.group(1).startswith(("http:", "https:", "mailto:"))]
    missing = [t for t in targets if not (page.parent / t).exists()]
    assert not missing, missing


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_no_page_names_a_file_that_moved(page):
    text = page.read_text(encoding="utf-8")
    for gone in ("scripts/run.py", "scripts/rasa_server.py", "scripts/action_server.py", "scripts/web_server.py",
                 "channels/server_hooks.py", "assistant/rasa_speedups.py", "scripts/servers.py", "scripts/cluster.py"):
        assert gone not in text, f"{page.name} names {gone}"
