"""The site served by Debian's apache2 with the generated configuration."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.browser import CSP_LISTENER, assert_quiet, watch_page
from support.deployment import Deployment, deployed_site

#: Only 127.0.0.1 may read: a client bound to 127.0.0.2 is outside the ward's network.
NETWORK_ACCESS = {"mode": "network", "networks": ["127.0.0.1/32"]}


@pytest.fixture(scope="session")
def served(site) -> Iterator[Deployment]:
    """The site built for this test run, deployed and served in network mode."""
    with deployed_site(site, NETWORK_ACCESS) as deployment:
        yield deployment


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A new page that records CSP violations, console errors and outside requests."""
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_LISTENER)
    pg = context.new_page()
    requests, errors = watch_page(pg)
    console: list[str] = []
    pg.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    pg.console_errors = console  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert_quiet(requests, errors)
    assert not [m for m in console if "Content Security Policy" in m], console
