"""The site in Debian's Chromium, served from 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.pages import RESULT_ITEM, SEARCH_INPUT, axe_violations, heading, type_search
from wardsite.org import load_org

ORG = load_org(Path(__file__).resolve().parents[2] / "org.yml")


def test_home_page_renders_search_first_and_top_tasks(page, site_url: str) -> None:
    page.goto(site_url)
    assert heading(page) == ORG["site"]["name"]
    assert page.locator("#home-search-input").is_visible()
    assert page.locator(".grid.cards a").count() >= 6
    assert ORG["helpdesk"]["phone"] in page.locator("article").inner_text()


def test_text_uses_the_japanese_system_font_stack(page, site_url: str) -> None:
    page.goto(site_url)
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert family.startswith('"Hiragino Sans"'), family


def test_navigation_tab_opens_its_section(page, site_url: str) -> None:
    page.goto(site_url)
    page.locator(".md-tabs__link", has_text="Teams").click()
    page.wait_for_url("**/teams/")
    assert heading(page) == "Teamsの基本"
    # The section's pages are listed in the sidebar and lead on.
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="チャットで連絡する").click()
    page.wait_for_url("**/teams/chat/")
    assert page.locator(".md-path").count() == 1  # breadcrumbs


def _switch_language(page, lang: str) -> None:
    page.locator(".md-header .md-select").first.hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').first.click()


def test_switching_to_english_and_back_keeps_the_page(page, site_url: str) -> None:
    page.goto(site_url + "account/password-reset/")
    _switch_language(page, "en")
    page.wait_for_url("**/en/account/password-reset/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "password" in heading(page).lower()
    _switch_language(page, "ja")
    page.wait_for_url(site_url + "account/password-reset/")
    assert page.locator("html").get_attribute("lang") == "ja"


def test_pages_do_not_download_the_sitemaps(page, site_url: str) -> None:
    # Material reads the sitemap of every language link in the head; with a
    # large FAQ that held every page for ~300 ms (overrides/main.html).
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    for path in ("", "en/", "account/password-reset/"):
        page.goto(site_url + path, wait_until="networkidle")
        assert page.locator('.md-select__link[hreflang="en"]').count() >= 1
    assert fetched
    assert not [url for url in fetched if url.split("?")[0].endswith("sitemap.xml")], fetched
    assert page.locator('link[rel="alternate"][hreflang]').count() == 0  # out of the DOM


def _search(page, query: str) -> list[str]:
    type_search(page, query)
    page.locator(RESULT_ITEM).first.wait_for()
    return page.locator(RESULT_ITEM).all_inner_texts()


def test_search_finds_english_word_on_japanese_site(page, site_url: str) -> None:
    page.goto(site_url)
    results = _search(page, "OneDrive")
    assert any("OneDrive" in r for r in results)


def test_home_search_form_opens_results(page, site_url: str) -> None:
    page.goto(site_url)
    page.locator("#home-search-input").fill("パスワード")
    page.locator("#home-search-input").press("Enter")
    page.locator(RESULT_ITEM).first.wait_for()
    assert page.locator(SEARCH_INPUT).input_value() == "パスワード"


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("path", ["", "account/password-reset/", "en/"])
def test_no_serious_accessibility_violations(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def _focus_ring(page) -> dict[str, str]:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
                   return {tag: e.tagName, cls: String(e.className), comp:
                   e.getAttribute('data-md-component') || '', text: (e.innerText||'').trim(),
                   style: s.outlineStyle, width: s.outlineWidth}; }"""
    )


def test_keyboard_reaches_search_and_navigation_with_visible_focus(page, site_url: str) -> None:
    page.goto(site_url + "teams/")
    reached_search = reached_nav = False
    for _ in range(60):
        page.keyboard.press("Tab")
        focus = _focus_ring(page)
        assert focus["style"] != "none" and float(focus["width"].rstrip("px")) >= 2, focus
        reached_search |= focus["comp"] == "search-query"
        reached_nav |= "md-tabs__link" in focus["cls"] or "md-nav__link" in focus["cls"]
        if reached_search and reached_nav:
            break
    assert reached_search, "Tab never reached the search box"
    assert reached_nav, "Tab never reached the main navigation"
