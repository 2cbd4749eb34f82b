"""The site served by Apache with the generated configuration, in Chromium:
every page template runs under the Content-Security-Policy with no violation,
and what depends on scripts still works (search, palette, #t= links, 404)."""

from __future__ import annotations

import pytest

from support.browser import csp_violations
from support.deployment import Deployment
from support.pages import RESULT_ITEM, type_search

#: One page of each template: home, guide, FAQ answer, session recording, English, 404.
TEMPLATES = {
    "home": "",
    "guide": "account/password-reset/",
    "faq": "faq/4400101/",
    "session": "learning/sessions/hands-on-01/",
    "english": "en/",
    "not-found": "no/such/page/",
    "not-found-en": "en/no-such-page/",
}


def _settle(page) -> None:
    """Wait until Material's bundle ran (it sets document$ and marks the page as JS-enabled)."""
    page.wait_for_function("() => typeof window.document$ !== 'undefined'")
    page.wait_for_load_state("load")


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_every_template_runs_without_csp_violations(page, served: Deployment, name: str) -> None:
    page.goto(served.url + TEMPLATES[name])
    _settle(page)
    # Open the search too: the worker and its fetches are checked against the policy.
    type_search(page, "パスワード")
    page.locator(RESULT_ITEM).first.wait_for()
    assert csp_violations(page) == []


def test_search_answers_under_the_policy(page, served: Deployment) -> None:
    page.goto(served.url)
    _settle(page)
    type_search(page, "パスワード 忘れた")
    first = page.locator(f"{RESULT_ITEM} a").first
    first.wait_for()
    assert "account/password-reset/" in first.get_attribute("href")
    assert csp_violations(page) == []


def test_palette_toggle_switches_the_colour_scheme(page, served: Deployment) -> None:
    page.goto(served.url + TEMPLATES["guide"])
    _settle(page)
    before = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    toggle = page.locator("form[data-md-component=palette] label:visible").first
    toggle.click()
    page.wait_for_function(
        "(b) => document.body.getAttribute('data-md-color-scheme') !== b", arg=before
    )
    # Material's inline script (allowed by hash) restores the choice on the next page.
    page.goto(served.url)
    _settle(page)
    after = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert after != before
    assert csp_violations(page) == []


def test_time_link_seeks_on_a_first_uncached_visit(page, served: Deployment) -> None:
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => "
        "document.querySelectorAll('video').forEach(v => { v.muted = true; }));"
    )
    page.goto(served.url + TEMPLATES["session"] + "#t=00:05")
    page.wait_for_function(
        """() => { const v = document.querySelector('#ws-video-hands-on-01');
                   return v && !v.seeking && v.currentTime >= 4.95 && v.currentTime <= 6.5; }"""
    )
    assert csp_violations(page) == []
    # The video was fetched in ranges from Apache (a first visit: nothing cached).
    assert " 206 GET /media/" in served.apache.access_log()


def test_not_found_page_is_japanese_and_opens_the_search(page, served: Deployment) -> None:
    response = page.goto(served.url + "some/old/page/")
    assert response.status == 404
    _settle(page)
    assert page.evaluate("() => document.documentElement.lang") == "ja"
    assert page.locator("h1").inner_text() == "ページが見つかりません"
    page.get_by_role("button", name="検索欄を開く").click()
    box = page.locator('input[data-md-component="search-query"]')
    assert box.evaluate("el => el === document.activeElement")
    box.fill("テレワーク")
    box.press("End")
    page.locator(RESULT_ITEM).first.wait_for()
    box.press("Escape")
    page.get_by_role("link", name="パスワードを忘れた・変えたい").click()
    page.wait_for_url("**/account/password-reset/")
    assert csp_violations(page) == []
