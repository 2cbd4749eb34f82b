"""Splitting Material's combined search index into one bundle per language."""

from __future__ import annotations

from wardsite_mkdocs.search_bundles import (
    SECTION_BOOST,
    docs_with_headings,
    language_of,
    split_by_language,
)

ENTRIES = [
    {"location": "", "title": "ホーム", "text": "<p>ようこそ</p>"},
    {"location": "account/", "title": "統合ID", "text": "<p>ID</p>"},
    {"location": "account/#パスワードのきまり", "title": "パスワードのきまり", "text": "x"},
    {"location": "account/#mfa", "title": "多要素認証（MFA）", "text": "y"},
    {"location": "en/", "title": "Home", "text": "Welcome"},
    {"location": "en/account/", "title": "Single ID", "text": "ID", "boost": 2},
    {"location": "english-tips/", "title": "英語の豆知識", "text": "z"},
]


def test_locations_under_en_are_english_everything_else_default() -> None:
    assert language_of("en/", ["ja", "en"], "ja") == "en"
    assert language_of("en/account/#mfa", ["ja", "en"], "ja") == "en"
    assert language_of("english-tips/", ["ja", "en"], "ja") == "ja"
    assert language_of("", ["ja", "en"], "ja") == "ja"


def test_split_keeps_order_and_every_entry() -> None:
    parts = split_by_language(ENTRIES, ["ja", "en"], "ja")
    assert [e["location"] for e in parts["en"]] == ["en/", "en/account/"]
    assert len(parts["ja"]) + len(parts["en"]) == len(ENTRIES)
    assert parts["ja"][0]["location"] == ""


def test_page_documents_get_their_section_titles_as_headings() -> None:
    docs = {d.location: d for d in docs_with_headings(ENTRIES)}
    assert docs["account/"].headings == ("パスワードのきまり", "多要素認証（MFA）")
    assert docs["account/#mfa"].headings == ()
    assert docs[""].headings == ()
    assert docs["en/account/"].boost == 2


def test_sections_weigh_less_than_their_page() -> None:
    docs = {d.location: d for d in docs_with_headings(ENTRIES)}
    assert 0 < SECTION_BOOST < 1
    assert docs["account/"].boost == 1
    assert docs["account/#mfa"].boost == SECTION_BOOST
    part = {"location": "faq/1/#解決しないとき", "title": "Q", "text": "x", "boost": 0.5}
    (doc,) = docs_with_headings([part])
    assert doc.boost == 0.5 * SECTION_BOOST


def test_sections_whose_text_was_excluded_are_dropped() -> None:
    entries = [
        {"location": "faq/1/", "title": "Q", "text": "answer"},
        {"location": "faq/1/#解決しないとき", "title": "Q", "text": ""},
        {"location": "empty/", "title": "Page without text", "text": ""},
    ]
    locations = [d.location for d in docs_with_headings(entries)]
    assert locations == ["faq/1/", "empty/"]
