"""The editor's loop: the real dev server (``mkdocs serve --livereload``, as
``./scripts/serve`` runs it) on 127.0.0.1, serving a copy of the project.

After a guide is saved, the served page shows the edit, the other pages' menus
show its new title (pages taken from the previous rebuild keep a fresh menu),
the browsers are told to reload, and once the search index has been rebuilt
in the background the browser's own search engine finds the new word and the
pages are told to reload again (so their search loads the new index).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.reload_benchmark import DevServer
from support.build import copy_project

HERE = Path(__file__).resolve().parent
GUIDE = Path("docs/start/first-day.md")
GUIDE_URL = "/start/first-day/"
OTHER_URL = "/start/first-signin/"  # same section: in its menu (navigation.prune)
WORD = "zqxreloadword"
TITLE_WORD = "zqxmenuword"


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(check: Callable[[], bool], what: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"{what}: not within {timeout:.0f} s")


def epoch(base: str, page: str) -> int:
    found = re.search(r"livereload\((\d+),", fetch(base + page) or "")
    assert found, f"no livereload script on {page}"
    return int(found[1])


def newer_epoch(base: str, known: int) -> bool:
    """The browsers' long poll: answers at once when a newer version is visible."""
    url = f"{base}/livereload/{known}/1"
    try:
        with urllib.request.urlopen(url, timeout=0.5) as response:
            return int(response.read()) > known
    except (urllib.error.URLError, OSError):
        return False  # still waiting


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(base URL, project copy) of a running dev server (the reload benchmark's own)."""
    project = copy_project(tmp_path_factory.mktemp("project")).parent
    server = DevServer(project, {}, project / "serve.log")
    try:
        server.wait_ready()
        yield server.base, project
    finally:
        server.stop()


def served_search(base: str, node: str, query: str) -> list[str]:
    """Locations the browser's search engine finds, reading the served index."""
    result = subprocess.run(
        [node, HERE / "served_search.cjs", base, "ja", query],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return [location for location, _ in json.loads(result.stdout)]


@pytest.fixture(scope="module")
def node() -> str:
    executable = shutil.which("node")
    if executable is None:
        pytest.fail("Node.js が見つかりません（scripts/test が入れるはずです）。")
    return executable


def test_saved_guide_is_served_and_found(dev_server: tuple[str, Path], node: str) -> None:
    base, project = dev_server
    assert served_search(base, node, WORD) == []
    other_before = fetch(base + OTHER_URL) or ""
    assert TITLE_WORD not in other_before
    known = epoch(base, GUIDE_URL)

    path = project / GUIDE
    text = path.read_text(encoding="utf-8")
    edited = text.replace("title: 初日にやること", f"title: 初日にやること {TITLE_WORD}", 1)
    path.write_text(edited.rstrip("\n") + f"\n\n{WORD} を確かめる段落です。\n", encoding="utf-8")

    wait_for(lambda: WORD in (fetch(base + GUIDE_URL) or ""), "the saved guide is served")
    assert newer_epoch(base, known), "the browsers are told to reload"
    # Another page, not converted again, has the new title in its menu and is otherwise the same.
    other_after = fetch(base + OTHER_URL) or ""
    assert TITLE_WORD in other_after
    strip = re.compile(rf"livereload\(\d+, \d+\)| ?{TITLE_WORD}")
    assert strip.sub("", other_after) == strip.sub("", other_before)

    reloaded = epoch(base, GUIDE_URL)
    # The paragraph is in the page's last section: its document is start/first-day/#….
    wait_for(
        lambda: any(loc.startswith("start/first-day/") for loc in served_search(base, node, WORD)),
        "search finds it",
        timeout=600,
    )
    # Pages not converted again are still in the index (their entries reused).
    assert any(loc.startswith("account/lockout/") for loc in served_search(base, node, "ロック"))
    wait_for(lambda: newer_epoch(base, reloaded), "pages reload for the new index", timeout=60)


def test_english_fallback_and_removed_page_follow_edits(dev_server: tuple[str, Path]) -> None:
    """A Japanese-only page is shown under /en/ too; its edit and removal reach both.

    Pages whose template context did not change are not rendered again: the
    English page's context changes through the Japanese page it falls back to.
    """
    base, project = dev_server
    page = project / "docs/start/zqfallback.md"
    text = "---\ntitle: 確かめるページ\n---\n\n# 確かめるページ\n\n最初の本文。\n"
    page.write_text(text, "utf-8")
    for url in ("/start/zqfallback/", "/en/start/zqfallback/"):
        wait_for(lambda url=url: "最初の本文" in (fetch(base + url) or ""), f"{url} is served")

    page.write_text(page.read_text("utf-8").replace("最初の本文", f"直した本文 {WORD}2"), "utf-8")
    for url in ("/start/zqfallback/", "/en/start/zqfallback/"):
        wait_for(lambda url=url: f"{WORD}2" in (fetch(base + url) or ""), f"{url} shows the edit")
        assert "最初の本文" not in (fetch(base + url) or "")

    page.unlink()
    wait_for(lambda: fetch(base + "/start/zqfallback/") is None, "the removed page is gone")
    assert fetch(base + "/en/start/zqfallback/") is None


def test_templates_do_not_read_the_build_date() -> None:
    """The page cache leaves ``build_date_utc`` (new on every build) out of its key."""
    import material

    from wardsite_mkdocs.page_outputs import VOLATILE

    folders = [Path(material.__file__).parent / "templates", HERE.parents[1] / "overrides"]
    for name in VOLATILE:
        used = [p for f in folders for p in f.rglob("*.html") if name in p.read_text("utf-8")]
        assert used == [], f"{name} is used by {used}: it must be part of the key"
