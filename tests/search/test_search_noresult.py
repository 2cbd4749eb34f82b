"""A search that matches nothing still helps: 「もしかして」, top-task pages, the helpdesk.

Failed before: the result list only said 「何も見つかりませんでした」.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wardsite.errors import SiteInputError
from wardsite.search.index import SearchDoc
from wardsite.search.noresult import help_data, suggestion_words
from wardsite.search.segment import DocumentAnalyzer

BOX = 'input[data-md-component="search-query"]'
META = ".md-search-result__meta"
PANEL = ".wardsite-noresult"


def open_search(browser: Any, url: str) -> Any:
    page = browser.new_page()
    page.set_default_timeout(20_000)
    page.goto(url)
    page.locator(BOX).click()
    return page


def type_query(page: Any, text: str) -> None:
    page.locator(BOX).fill(text)
    page.locator(BOX).press("End")


def test_help_json_is_written_per_language(site: Path) -> None:
    ja = json.loads((site / "search" / "ja" / "help.json").read_text("utf-8"))
    en = json.loads((site / "search" / "en" / "help.json").read_text("utf-8"))
    assert ["outlook", "Outlook"] in ja["words"]
    assert ja["pages"][0] == ["account/password-reset/", "パスワードを忘れた・変えたい"]
    assert en["pages"][0][0] == "en/account/password-reset/"
    assert ja["helpdesk"]["name"] == "ITヘルプデスク" and en["helpdesk"]["name"] == "IT Helpdesk"
    assert "こと" not in {w[0] for w in ja["words"]}  # grammar is no suggestion


def test_suggestion_words_are_nouns_of_titles() -> None:
    words = suggestion_words(["チャットで連絡する", "チャットの通知"], DocumentAnalyzer().morphemes)
    assert words[0] == ["ちゃっと", "チャット"]
    assert "する" not in {w[0] for w in words}


def test_a_top_page_that_does_not_exist_is_named_in_japanese() -> None:
    docs = [SearchDoc("help/", "ヘルプデスク", "")]
    with pytest.raises(SiteInputError) as caught:
        help_data(docs, DocumentAnalyzer().morphemes, ["help/", "nowhere/"], "", {})
    assert "extra.search_top_pages の 2 番目" in str(caught.value)
    assert "nowhere/" in str(caught.value)


def test_no_result_shows_suggestion_top_pages_and_helpdesk(browser: Any, site_url: str) -> None:
    page = open_search(browser, site_url)
    try:
        type_query(page, "outlxxk")
        panel = page.locator(PANEL)
        panel.wait_for()
        assert page.locator(META).inner_text() == "何も見つかりませんでした"
        assert panel.get_attribute("role") == "region"
        assert panel.get_attribute("aria-label") == "検索のヒント"
        text = panel.inner_text()
        assert "もしかして：" in text and "よく使われるページ" in text
        assert "ITヘルプデスク" in text and "03-5555-0100" in text
        links = panel.locator("ul a")
        assert links.count() == 6
        assert links.first.get_attribute("href").endswith("/account/password-reset/")
        # the suggestion is a button: keyboard and click search again
        word = panel.locator("button", has_text="Outlook")
        word.focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "() => document.querySelectorAll('li.md-search-result__item').length > 0"
        )
        assert page.locator(BOX).input_value() == "Outlook"
        assert page.locator(PANEL).count() == 0
        first = page.locator("li.md-search-result__item > a").first.get_attribute("href")
        assert "/outlook/" in first
    finally:
        page.close()


def test_enter_on_no_result_keeps_the_help_and_the_page(browser: Any, site_url: str) -> None:
    """Failed before: Material's Enter handler took the panel's links for results,
    threw on them, and the form was sent: the page reloaded and the help was gone."""
    page = open_search(browser, site_url + "account/")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        type_query(page, "outlxxk")
        page.locator(PANEL).wait_for()
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)  # a reload or a navigation starts well within this
        assert page.url == site_url + "account/"
        assert page.locator(PANEL).is_visible()
        assert page.locator(BOX).input_value() == "outlxxk"
        assert errors == []
    finally:
        page.close()


def test_english_pages_get_english_help(browser: Any, site_url: str) -> None:
    page = open_search(browser, site_url + "en/")
    try:
        type_query(page, "xqzt")
        panel = page.locator(PANEL)
        panel.wait_for()
        text = panel.inner_text()
        assert "Most used pages" in text and "Contact the IT Helpdesk" in text
        assert "もしかして" not in text and "Did you mean" not in text  # nothing close
        assert (
            panel.locator("a", has_text="How to contact the helpdesk")
            .get_attribute("href")
            .endswith("/en/help/")
        )
    finally:
        page.close()
