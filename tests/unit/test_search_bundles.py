"""The documents of each language's search bundle."""

from __future__ import annotations

from wardsite.search.fallback import drop_fallback_copies
from wardsite_mkdocs.search_bundles import SECTION_BOOST, docs_with_headings

ENTRIES = [
    {"location": "", "title": "ホーム", "text": "<p>ようこそ</p>"},
    {"location": "account/", "title": "統合ID", "text": "<p>ID</p>"},
    {"location": "account/#パスワードのきまり", "title": "パスワードのきまり", "text": "x"},
    {"location": "account/#mfa", "title": "多要素認証（MFA）", "text": "y"},
    {"location": "en/", "title": "Home", "text": "Welcome"},
    {"location": "en/account/", "title": "Single ID", "text": "ID", "boost": 2},
    {"location": "english-tips/", "title": "英語の豆知識", "text": "z"},
]


def test_fallback_copies_equal_to_the_default_language_are_left_out() -> None:
    docs = {
        "ja": [
            {"location": "guide/", "title": "案内", "text": "本文"},
            {"location": "guide/#手順", "title": "手順", "text": "1. 開く"},
        ],
        "en": [
            # the untranslated page's own document carries a note: it differs
            {"location": "en/guide/", "title": "案内", "text": "未翻訳 本文"},
            {"location": "en/guide/#手順", "title": "手順", "text": "1. 開く"},
            {"location": "en/other/#手順", "title": "手順", "text": "1. 開く (en)"},
        ],
    }
    kept = drop_fallback_copies(docs, ["ja", "en"], "ja")
    assert [d["location"] for d in kept["en"]] == ["en/guide/", "en/other/#手順"]
    assert kept["ja"] == docs["ja"]


def test_every_language_gets_a_list_even_without_documents() -> None:
    kept = drop_fallback_copies({"ja": ENTRIES[:2]}, ["ja", "en"], "ja")
    assert kept == {"ja": ENTRIES[:2], "en": []}


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
