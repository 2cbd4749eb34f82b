"""Browser fixtures: a fresh page per test that records every request it makes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.browser import is_outside


@pytest.fixture
def page(browser, request: pytest.FixtureRequest) -> Iterator[object]:
    """A new page; after the test, fail if any request left 127.0.0.1."""
    scheme = getattr(request, "param", "light")
    context = browser.new_context(
        locale="ja-JP", color_scheme=scheme, viewport={"width": 1280, "height": 900}
    )
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    requests: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    outside = [u for u in requests if is_outside(u)]
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert requests, "the page made no request at all"
    assert not errors, f"JavaScript errors: {errors}"
