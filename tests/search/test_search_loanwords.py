"""English typed on the Japanese site finds the loanword the pages write in katakana.

"sign in できない" found nothing on the Japanese site: its pages say サインイン,
and "sign" and "in" were no words of theirs. SudachiPy reads the site's English
words as their katakana loanword (sign → サイン, in → イン, mailbox →
メールボックス), alone and two side by side.
"""

from __future__ import annotations

from typing import Any

import pytest

from support.searchrank import ranked
from wardsite.search.index import SearchDoc, build_index
from wardsite.search.loanwords import english_spellings, loanword_keys

JA_DOCS = [
    SearchDoc("signin/", "初めてサインインする", "パソコンにサインインします。"),
    SearchDoc("shared/", "共有メールボックス", "課のメールボックスを開きます。"),
    SearchDoc("fan/", "扇子の配り方", "夏の行事で扇子を配ります。"),
    SearchDoc("print/", "印刷", "プリンターで印刷します。"),
]
#: The English pages' words (the spellings come from every language's pages).
EN_TEXTS = [
    "Sign in for the first time",
    "Open the shared mailbox. Sign-in problems.",
    "It makes sense.",
]


@pytest.fixture(scope="module")
def bundle() -> dict[str, Any]:
    return build_index(JA_DOCS, "ja", english_spellings=english_spellings(EN_TEXTS))


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("sign in できない", "signin/"),
        ("sign-in", "signin/"),
        ("Sign In", "signin/"),
        ("mailbox", "shared/"),
    ],
)
def test_an_english_spelling_finds_the_katakana_loanword(
    bundle: dict[str, Any], query: str, location: str
) -> None:
    assert ranked(bundle, query)[:1] == [location]


def test_without_the_english_words_of_the_site_it_found_nothing() -> None:
    """What the search did before: the Japanese pages alone know no "sign" or "mailbox"."""
    plain = build_index(JA_DOCS, "ja")
    assert ranked(plain, "sign in") == []
    assert ranked(plain, "mailbox") == []


def test_a_kanji_word_read_like_the_loanword_is_not_its_spelling(bundle: dict[str, Any]) -> None:
    """sense reads センス; せんす is also how 扇子 is typed without conversion."""
    assert "せんす" in dict(bundle["analysis"]["lexicon"])  # the kana of 扇子 is a key
    assert ranked(bundle, "sense") == []


def test_spellings_are_folded_words_alone_and_in_pairs() -> None:
    found = english_spellings(["Sign-in to ＯｎｅＤｒｉｖｅ", "日本語 only"])
    assert {("sign",), ("in",), ("sign", "in"), ("in", "to"), ("onedrive",)} <= found
    assert ("to", "onedrive") in found
    assert ("onedrive", "only") not in found  # not side by side


def test_keys_need_the_loanword_itself_and_skip_stop_words_and_known_keys() -> None:
    readings = {"sign": "さいん", "in": "いん", "up": "あっぷ", "back": "ばっく", "tax": "たっくす"}
    readings |= {"you": "ゆ", "the": "ざ"}
    lexicon = {
        "ゆざ": {"ゆざ"},  # ユーザー: "you the" side by side in a sentence is no spelling of it
        "さいんいん": {"さいんいん"},
        "いん": {"印"},  # a reading of a kanji word
        "ばっくあっぷ": {"ばっくあっぷ"},
        "back": {"back"},
        "たっくす": {"税"},  # not the loanword's own term
    }
    spellings = [("sign", "in"), ("in",), ("back", "up"), ("back",), ("tax",), ("sign",)]
    spellings += [("you", "the")]
    keys = loanword_keys(spellings, readings.get, lexicon, frozenset({"in", "you", "the"}))
    assert keys == {
        "signin": {"さいんいん"},
        "sign-in": {"さいんいん"},
        "backup": {"ばっくあっぷ"},
        "back-up": {"ばっくあっぷ"},
    }
