"""The site served by Debian's apache2 with the generated configuration."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.browser import CSP_LISTENER, is_outside
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
    pg.set_default_timeout(10_000)
    requests: list[str] = []
    errors: list[str] = []
    console: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    pg.console_errors = console  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not [u for u in requests if is_outside(u)], requests
    assert not errors, f"JavaScript errors: {errors}"
    assert not [m for m in console if "Content Security Policy" in m], console
