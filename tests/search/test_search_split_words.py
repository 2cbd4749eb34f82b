"""A Latin word typed in two parts (one drive, share point, wi fi) is the word.

Product names and English compounds are often typed with a space inside
them. Before, "one drive" found nothing at all and "share point" found the
printing page (point → print); the two parts are read as the word their
concatenation is, when that is a word of the pages. The shared vectors prove
analysis.js does the same.
"""

from __future__ import annotations

from typing import Any

import pytest

from wardsite.search.query import QueryAnalyzer


def _words(bundle: dict[str, Any], query: str) -> set[str]:
    return {
        c["term"] for c in QueryAnalyzer(bundle["analysis"]).analyze(query) if c["kind"] == "word"
    }


@pytest.mark.parametrize(
    ("query", "word", "parts"),
    [
        ("one drive", "OneDrive", ("one", "drive")),
        ("ＯＮＥ　ＤＲＩＶＥ", "OneDrive", ("one", "drive")),  # full width, ideographic space
        ("One Drive 容量", "OneDrive", ("one", "drive")),
        ("share point", "SharePoint", ("share", "point")),
    ],
)
def test_a_word_typed_in_two_parts_is_the_word(
    ja_bundle: dict[str, Any], query: str, word: str, parts: tuple[str, str]
) -> None:
    words = _words(ja_bundle, query)
    assert _words(ja_bundle, word) <= words
    for part in parts:
        assert not (_words(ja_bundle, part) - _words(ja_bundle, word)) & words


@pytest.mark.parametrize("query", ["teams chat", "one", "drive one"])
def test_parts_that_make_no_word_stay_apart(ja_bundle: dict[str, Any], query: str) -> None:
    assert _words(ja_bundle, query) == _words(ja_bundle, query.replace(" ", "  "))
    assert "".join(query.split()) not in _words(ja_bundle, query)
