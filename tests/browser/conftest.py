"""Browser fixtures: a fresh page per test that records every request it makes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.browser import assert_quiet, watch_page


@pytest.fixture
def page(browser, request: pytest.FixtureRequest) -> Iterator[object]:
    """A new page; after the test, fail if any request left 127.0.0.1."""
    scheme = getattr(request, "param", "light")
    context = browser.new_context(
        locale="ja-JP", color_scheme=scheme, viewport={"width": 1280, "height": 900}
    )
    pg = context.new_page()
    requests, errors = watch_page(pg)
    yield pg
    context.close()
    assert_quiet(requests, errors)
    assert requests, "the page made no request at all"
