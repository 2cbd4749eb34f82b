"""Fixtures shared by every test suite: one strict build of the real site,
served over HTTP on 127.0.0.1, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from support.browser import CHROMIUM, CHROMIUM_ARGS
from support.build import build_site, copy_project
from support.httpserver import serve_directory
from wardsite_mkdocs.pipeline import skip_stages


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site built once per test run with --strict: (site folder, build log).

    The calls of outside programs (ffprobe, git) are counted in
    ``tools.log`` beside the site (tests/site/test_build_once.py).
    """
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest, tool_log=dest.parent / "tools.log")
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{log}")
    return dest, log


#: Build steps that only save time: a build without them must give the same site.
SHORTCUTS = ("faq.convert_once", "templates")


@pytest.fixture(scope="session")
def site_build_without_shortcuts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site built with the :data:`SHORTCUTS` left out: every FAQ page converted
    on its own, every page's menu rendered for it. (site folder, build log); the
    counted calls are in ``tools.log`` beside the site, as for :func:`site_build`."""
    base = tmp_path_factory.mktemp("without-shortcuts")
    config = copy_project(base / "project")
    config.write_text(skip_stages(config.read_text("utf-8"), SHORTCUTS), "utf-8")
    result = build_site(base / "site", config, tool_log=base / "tools.log")
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "site", result.stdout + result.stderr


@pytest.fixture(scope="session")
def site(site_build: tuple[Path, str]) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    with serve_directory(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
