"""FAQ pages in Debian's Chromium: a hostile entry runs nothing, and FAQ pages are searchable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.faqdesk import HOSTILE_ID, build_with_faq, running_helpdesk
from support.httpserver import serve_directory
from support.pages import axe_violations, type_search

RESULT_LINK = ".md-search-result__item a"


@pytest.fixture(scope="module")
def live_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built against the local helpdesk with a hostile entry added."""
    base = tmp_path_factory.mktemp("faq-browser")
    with running_helpdesk() as desk:
        desk.add_hostile_entry()
        result = build_with_faq(base / "site", base / "state", base_url=desk.base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_directory(base / "site") as url:
        yield url


def test_hostile_entry_runs_no_script_and_shows_template_text(page, live_site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{live_site_url}faq/{HOSTILE_ID}/")
    page.wait_for_load_state("load")
    page.locator(".faq-answer").hover()
    page.locator(".faq-answer p").first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('article script, article iframe').length") == 0
    assert dialogs == []
    text = page.locator("article").inner_text()
    assert "{{ org.helpdesk.phone }} と {{ config }}" in text
    assert "**太字ではない** `コードでもない`" in text
    assert "{{ org.helpdesk.phone }}" in page.title()
    # The helpdesk's PNG was copied into the site and loads from 127.0.0.1.
    image = page.locator(".faq-answer img")
    assert image.count() == 1
    assert page.evaluate("document.querySelector('.faq-answer img').naturalWidth") == 1
    assert "画像はここには表示できません" in text


def test_faq_pages_appear_in_search_results(page, site_url: str) -> None:
    page.goto(site_url)
    type_search(page, "アカウントがロック")
    page.locator(RESULT_LINK).first.wait_for()
    hrefs = [
        page.locator(RESULT_LINK).nth(i).get_attribute("href") or ""
        for i in range(page.locator(RESULT_LINK).count())
    ]
    assert any("/faq/" in h for h in hrefs), hrefs


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("path", ["faq/4400101/", "faq/categories/360001/", "faq/"])
def test_faq_pages_have_no_serious_accessibility_violations(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
