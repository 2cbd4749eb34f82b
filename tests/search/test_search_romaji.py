"""Romaji typed with the Japanese input mode off (rokku kaijo → ろっく かいじょ).

The queries below found nothing before (no lexicon word is spelt rokku); the
shared vectors prove analysis.js converts the same way.
"""

from __future__ import annotations

from typing import Any

import pytest

from wardsite.search.query import QueryAnalyzer
from wardsite.search.romaji import romaji_to_kana


@pytest.mark.parametrize(
    ("word", "kana"),
    [
        ("rokku", "ろっく"),  # a doubled consonant is っ
        ("kaijo", "かいじょ"),
        ("shinsei", "しんせい"),  # n before a consonant is ん
        ("konnichiha", "こんにちは"),  # nn before a vowel: ん, then に
        ("shinn", "しん"),
        ("chatto", "ちゃっと"),
        ("kyuuka", "きゅうか"),
        ("teams", None),  # letters left over: not romaji
        ("print", None),
    ],
)
def test_romaji_to_kana(word: str, kana: str | None) -> None:
    assert romaji_to_kana(word) == kana


def test_romaji_of_a_page_word_finds_the_word(ja_bundle: dict[str, Any]) -> None:
    analyzer = QueryAnalyzer(ja_bundle["analysis"])
    words = {c["term"] for c in analyzer.analyze("rokku") if c["kind"] == "word"}
    assert "ろっく" in words


@pytest.mark.parametrize("query", ["note", "same"])
def test_short_or_unknown_romaji_stays_english(ja_bundle: dict[str, Any], query: str) -> None:
    # のて, さめ: fewer than 3 kana, or no word of the pages
    assert [c["term"] for c in QueryAnalyzer(ja_bundle["analysis"]).analyze(query)] == [query]


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("pasuwaado", "ぱすわど"),  # a long vowel typed as a doubled letter
        ("wasureta", "忘れる"),  # a verb typed with its ending, as わすれた in kana
    ],
)
def test_romaji_reads_as_kana_typing_does(ja_bundle: dict[str, Any], query: str, word: str) -> None:
    """Both found nothing: only a whole word of the pages was read (failed before)."""
    words = {c["term"] for c in QueryAnalyzer(ja_bundle["analysis"]).analyze(query)}
    assert word in words and query in words
