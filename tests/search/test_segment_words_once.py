"""A dictionary word's contribution to the index is worked out once per analyzer.

``DocumentAnalyzer`` keeps what each dictionary word adds (lexicon keys, index
term, synonym groups, reading, compound parts) by word id and surface, and
replays it for every later occurrence. These tests check that premise on every
word of the site's own pages: worked out afresh, each word adds exactly what
was kept for it.
"""

from __future__ import annotations

from pathlib import Path

from wardsite.search.segment import DocumentAnalyzer, TextTerms, split_for_sudachi

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    pages = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "sessions").glob("*.yml"))
    return [p.read_text("utf-8") for p in pages]


def test_every_word_adds_what_was_kept_for_it() -> None:
    analyzer = DocumentAnalyzer()
    tokenize = analyzer._tokenizer.tokenize
    checked = 0
    for text in _texts():
        analyzer.analyze(text)
        for piece in split_for_sudachi(text):
            for morpheme in tokenize(piece):
                if morpheme.is_oov():
                    continue
                kept = analyzer._contributions.get((morpheme.word_id(), morpheme.surface(), True))
                if kept is None:  # a symbol or space: nothing to keep
                    continue
                assert analyzer._contribution(morpheme, True) == kept, morpheme.surface()
                checked += 1
    assert checked > 10_000


def test_a_text_gives_the_same_terms_whatever_was_analysed_before() -> None:
    """Dict keys and set members in the same order too (the index lists them)."""
    texts = _texts()
    warm = DocumentAnalyzer()
    for text in reversed(texts):
        warm.analyze(text)
    for text in texts[:40]:
        fresh = DocumentAnalyzer()
        ours, theirs = TextTerms(), TextTerms()
        warm._seen.clear()  # the text itself analysed again, with every word kept
        warm.analyze(text, ours)
        fresh.analyze(text, theirs)
        assert ours.words == theirs.words
        for field in ("lexicon", "groups", "readings"):
            a, b = getattr(ours, field), getattr(theirs, field)
            assert list(a) == list(b)
            assert [list(v) for v in a.values()] == [list(v) for v in b.values()]
