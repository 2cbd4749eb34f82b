"""Words typed in an unusual shape: in two parts, an acronym spelt in kana, a
contraction without its apostrophe (query.py ``_respell_words``).

Product names and loanwords are often typed with a space inside them (one
drive, share point, パス ワード) or a middle dot (パス・ワード). Before, "one
drive" found nothing at all and "share point" found the printing page (point →
print); two Latin words, or two katakana words, are read as the word their
concatenation is, when that is a
word of the pages. Staff who do not switch to Latin input spell an acronym by
its letters' names in kana (えむえふえー for MFA); before, that found nothing.
English contractions typed without the apostrophe (wont) are the contractions.
The shared vectors prove analysis.js does the same.
"""

from __future__ import annotations

from typing import Any

import pytest

from support.searchrank import ranked
from wardsite.search.index import SearchDoc, build_index
from wardsite.search.paraphrases import parse_paraphrases
from wardsite.search.query import QueryAnalyzer
from wardsite.search.segment import DocumentAnalyzer


def _kinds(bundle: dict[str, Any], query: str) -> dict[str, str]:
    return {c["term"]: c["kind"] for c in QueryAnalyzer(bundle["analysis"]).analyze(query)}


def _words(bundle: dict[str, Any], query: str) -> set[str]:
    return {term for term, kind in _kinds(bundle, query).items() if kind == "word"}


@pytest.mark.parametrize(
    ("query", "word", "parts"),
    [
        ("one drive", "OneDrive", ("one", "drive")),
        ("ＯＮＥ　ＤＲＩＶＥ", "OneDrive", ("one", "drive")),  # full width, ideographic space
        ("One Drive 容量", "OneDrive", ("one", "drive")),
        ("share point", "SharePoint", ("share", "point")),
        ("パス ワード", "パスワード", ("パス", "ワード")),
        ("ｽﾏｰﾄ ﾌｫﾝ", "スマートフォン", ("スマート", "フォン")),
        ("パス・ワード", "パスワード", ("パス", "ワード")),  # a middle dot between them
        ("ｽﾏｰﾄ･ﾌｫﾝ", "スマートフォン", ("スマート", "フォン")),
    ],
)
def test_a_word_typed_in_two_parts_is_the_word(
    ja_bundle: dict[str, Any], query: str, word: str, parts: tuple[str, str]
) -> None:
    words = _words(ja_bundle, query)
    assert _words(ja_bundle, word) <= words
    for part in parts:
        assert not (_words(ja_bundle, part) - _words(ja_bundle, word)) & words


@pytest.mark.parametrize(
    "query",
    ["teams chat", "one", "drive one", "パスワード 変更", "パス ﾜｰﾄﾞ変更", "パスワード・変更"],
)
def test_parts_that_make_no_word_stay_apart(ja_bundle: dict[str, Any], query: str) -> None:
    assert _words(ja_bundle, query) == _words(ja_bundle, query.replace(" ", "  "))
    assert "".join(query.split()) not in _words(ja_bundle, query)


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("えむえふえー", "MFA"),
        ("エムエフエー", "MFA"),
        ("えむえふえー せってい", "MFA"),
    ],
)
def test_an_acronym_spelt_in_kana_is_the_acronym(
    ja_bundle: dict[str, Any], query: str, word: str
) -> None:
    assert _words(ja_bundle, word) <= _words(ja_bundle, query)


@pytest.mark.parametrize("query", ["えむ", "あい", "えいえい", "ぱすわーど"])
def test_kana_that_spells_no_word_of_the_pages_stays_kana(
    ja_bundle: dict[str, Any], query: str
) -> None:
    assert all(ord(ch) > 0x7F for term in _words(ja_bundle, query) for ch in term)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("onedrive wont sync", "onedrive won't sync"),
        ("cant print", "can't print"),
        ("DOESNT open", "doesn't open"),
        ("isnt working", "isn't working"),
    ],
)
def test_a_contraction_typed_without_its_apostrophe_is_the_contraction(
    en_bundle: dict[str, Any], typed: str, meant: str
) -> None:
    """Before, wont was a typo of font, went and won."""
    analyzer = QueryAnalyzer(en_bundle["analysis"])
    assert analyzer.analyze(typed) == analyzer.analyze(meant)


@pytest.mark.parametrize(
    ("noun", "term", "verb"),
    [
        ("書き方", "書き方", "書く"),
        ("変え方", "変え方", "変える"),
        ("作り方", "作り方", "作る"),
        ("やり方", "遣り方", "遣る"),  # SudachiPy's normalised form
    ],
)
def test_a_how_to_noun_is_also_its_verb(noun: str, term: str, verb: str) -> None:
    """「変え方」 is one noun to SudachiPy (split mode C): before, the query found
    only the one page that writes 変え方, not the pages that say how to 変える."""
    lexicon = DocumentAnalyzer().analyze(f"{noun}を説明します。").lexicon
    assert {term, verb} <= lexicon[noun]


def test_a_how_to_noun_in_a_query_finds_the_page_of_the_verb() -> None:
    docs = [
        SearchDoc("teams/presence/", "在席状況", "表示を変える手順です。"),
        SearchDoc("outlook/", "Outlook", "メールの表示の変え方は、別の話です。"),
        SearchDoc("teams/", "Teams", "チャットと会議の使い方です。"),
    ]
    bundle = build_index(docs, "ja")
    assert _words(bundle, "変える") <= _words(bundle, "変え方")
    assert set(ranked(bundle, "変え方")) == {"teams/presence/", "outlook/"}
    # a stop word still (the manner of using anything): it says nothing about the page
    assert _words(bundle, "チャット 使い方") == _words(bundle, "チャット")


def test_a_verb_typed_whole_last_is_a_word_and_may_still_begin_a_longer_entry() -> None:
    """開けない typed last began the entry 開けない添付ファイル, so it was read as
    half-typed only: 開ける was a completion (prefix, a lower boost), not a word."""
    docs = [
        SearchDoc("web/", "ホームページを開く", "開けないときは、画面転送を使います。"),
        SearchDoc("mail/", "添付ファイル", "添付ファイルが開けないときの手順です。"),
        SearchDoc("share/", "庁外の人と共有する", "庁外の人と、ファイルを共有します。"),
    ]
    lines = (
        "paraphrases:\n  - 開けない添付ファイル → 添付ファイル\n  - 庁外の人と共有 → 共有する\n"
        "  - 添付ファイルが開けない → 添付ファイル\n"
    )
    bundle = build_index(docs, "ja", paraphrases=parse_paraphrases(lines))
    found = _kinds(bundle, "ホームページが開けない")
    assert found["開ける"] == "word"
    assert found["添付"] == "prefix"  # what it may begin still counts
    # a noun and a particle are no whole word: 庁外の人と may go on (庁外の人と共有),
    # nor is a word typed in katakana one (a folded loanword may end like a verb)
    assert _kinds(bundle, "庁外の人と").get("庁外の人") != "word"
    assert "word" not in _kinds(bundle, "添付ファイルが").values()
