"""Slips in short words: kana loanwords compared by mora, 3-letter acronyms by keyboard.

These failed before (no clause reached the word, so the query found nothing
or only character bigrams); the shared vectors prove analysis.js agrees.
"""

from __future__ import annotations

from typing import Any

import pytest

from wardsite.search.index import SearchDoc, build_index
from wardsite.search.query import QueryAnalyzer, acronym_slip


def typo_terms(bundle: dict[str, Any], query: str) -> set[str]:
    clauses = QueryAnalyzer(bundle["analysis"]).analyze(query)
    return {c["term"] for c in clauses if c["kind"] == "typo"}


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("チヤット", "ちゃっと"),  # small ャ typed large
        ("チャトッ", "ちゃっと"),  # two morae swapped
        ("サインン", "さいんいん"),  # one mora missing
        ("MAF", "mfa"),  # two letters swapped
        ("MFS", "mfa"),  # a key's neighbour
    ],
)
def test_slips_in_short_words_reach_the_word(
    ja_bundle: dict[str, Any], query: str, term: str
) -> None:
    assert term in typo_terms(ja_bundle, query)


@pytest.mark.parametrize("query", ["ABC", "QRR", "MXA", "チャット", "ちゃ"])
def test_the_cap_keeps_other_short_words_out(ja_bundle: dict[str, Any], query: str) -> None:
    # MXA: x is no neighbour of f; ちゃ: too short; チャット is the word itself
    assert typo_terms(ja_bundle, query) == set()


def test_acronym_slip_is_one_swap_or_one_neighbour() -> None:
    assert acronym_slip("ubs", "usb") and acronym_slip("mfs", "mfa")
    assert not acronym_slip("mfp", "mfa") and not acronym_slip("asb", "usb")
    assert not acronym_slip("mfa", "mfa") and not acronym_slip("12a", "12b")


def test_a_slip_at_the_end_of_a_katakana_word_is_no_half_typed_word() -> None:
    """アウトルツク is アウトルック with ッ typed large, not アウトル + つく(えの).

    Typed without a final space, the last characters were read as a word being
    typed when they began some word of the pages (つく → 机, 作る); a katakana
    stretch is converted text, so no half-typed word begins inside it.
    """
    docs = [
        SearchDoc("outlook/", "アウトルック", "アウトルックでメールを読みます。"),
        SearchDoc("desk/", "机", "机を片付けます。書類を作ります。"),
    ]
    analyzer = QueryAnalyzer(build_index(docs, "ja", [])["analysis"])
    kinds = {c["term"]: c["kind"] for c in analyzer.analyze("アウトルツク")}
    assert kinds.get("あうとるっく") == "typo"
    assert "prefix" not in kinds.values()
    # a katakana stretch typed whole is still completed (パスワ → パスワード)
    assert "あうとるっく" in {c["term"] for c in analyzer.analyze("アウトル")}


def test_a_missing_voicing_mark_in_a_loanword_reaches_the_loanword() -> None:
    """ズマホ, ロクイン: a voicing mark is a separate key press in flick input.

    Only kana words of the pages take it (not the kana reading of a kanji word,
    where a hiragana stretch of a sentence could meet one), and only a whole
    typed stretch: デザイン holds ザイン, which is no slip of サイン.
    """
    docs = [
        SearchDoc("phone/", "スマホを使う", "スマホでメールを読みます。"),
        SearchDoc("signin/", "ログイン", "ログインの手順です。"),
        SearchDoc("sign/", "サインを書く", "書類にサインします。"),
        SearchDoc("cut/", "経費の削減", "経費を減らす方法です。"),
    ]
    bundle = build_index(docs, "ja")
    assert "すまほ" in typo_terms(bundle, "ズマホ")
    assert "すまほ" in typo_terms(bundle, "ずまほ")
    assert "ろぐいん" in typo_terms(bundle, "ロクイン")
    assert typo_terms(bundle, "デザイン") == set()
    assert typo_terms(bundle, "べらす") == set()  # へらす is the reading of 減らす
