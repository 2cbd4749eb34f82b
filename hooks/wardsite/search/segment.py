"""Word segmentation of page text (build side, SudachiPy) and character n-grams.

Pages are segmented with SudachiPy (split mode C, plus the mode A parts of
compounds). Each content word becomes the index term ``normalize(normalized
form)``: 申込/申し込み, サーバ/サーバー, ﾊﾟｽﾜｰﾄﾞ/パスワード fold together.

The browser has no dictionary. Instead, the build records a *lexicon*: every
folded surface seen in the pages (``normalize(surface)``) with the index terms
it stands for (an empty set for particles and auxiliaries). The query side
(``query.py`` and ``analysis.js``) segments a typed query by longest match
against that lexicon, so it produces exactly the terms the build indexed,
without Sudachi. Character bigrams of every Japanese run are indexed too, for
words the lexicon does not know and for typing errors.

Character classes are explicit code point ranges (not Unicode categories) so
that Python and JavaScript agree whatever Unicode version each one ships.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from wardsite.search.english import english_stem, is_english_word
from wardsite.search.normalize import normalize

#: Letters and digits that form "words" separated by spaces (Latin, Greek, Cyrillic).
ALNUM_RANGES: tuple[tuple[int, int], ...] = (
    (0x30, 0x39),
    (0x61, 0x7A),
    (0xC0, 0xD6),
    (0xD8, 0xF6),
    (0xF8, 0x24F),
    (0x300, 0x36F),
    (0x370, 0x3FF),
    (0x400, 0x4FF),
)
#: Kanji (with 々〆〇); a single kanji can already be a word.
KANJI_RANGES: tuple[tuple[int, int], ...] = (
    (0x3005, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)
#: Japanese (and Korean) characters written without spaces between words.
JA_RANGES: tuple[tuple[int, int], ...] = (
    *KANJI_RANGES,
    (0x3041, 0x309F),
    (0x30A0, 0x30FA),
    (0x30FD, 0x30FF),
    (0xAC00, 0xD7AF),
)

SEP, ALNUM, JA = 0, 1, 2

#: Parts of speech that never become index terms (they stay in the lexicon, empty).
FUNCTION_POS: frozenset[str] = frozenset({"助詞", "助動詞", "接頭辞", "接尾辞"})
#: Parts of speech that are not words at all.
SKIP_POS: frozenset[str] = frozenset({"補助記号", "空白"})

#: Kana readings of kanji words shorter than this are not query words (き, かい: too ambiguous).
MIN_READING = 3
#: The words whose kana reading is a query word: staff who type without kanji
#: conversion type verbs and adjectives too (わすれた, おおきく), not only nouns.
READING_POS: frozenset[str] = frozenset({"名詞", "動詞", "形容詞"})
#: The suffix of a "how to" noun (書き方): the verb's stem, then this.
HOW_TO = "方"

#: SudachiPy accepts at most 49,149 bytes per call; 12,000 characters of at most
#: 4 bytes each stay below it.
MAX_CHUNK_CHARS = 12_000


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


@lru_cache(maxsize=1 << 16)  # one call per character of every page: a lookup, not a scan
def char_class(ch: str) -> int:
    """SEP, ALNUM or JA for one character of normalised text."""
    code = ord(ch)
    if _in(code, ALNUM_RANGES):
        return ALNUM
    if _in(code, JA_RANGES):
        return JA
    return SEP


@lru_cache(maxsize=1 << 16)
def is_kanji(ch: str) -> bool:
    return _in(ord(ch), KANJI_RANGES)


def is_word(text: str) -> bool:
    """True when ``text`` is non-empty, starts and ends with a word character."""
    return bool(text) and char_class(text[0]) != SEP and char_class(text[-1]) != SEP


def japanese_runs(normalized: str) -> Iterator[str]:
    """Maximal runs of Japanese characters in normalised text."""
    for cls, group in itertools.groupby(normalized, key=char_class):
        if cls == JA:
            yield "".join(group)


def bigrams(run: str) -> list[str]:
    """Character bigrams of one run (none for a single character)."""
    return [run[i : i + 2] for i in range(len(run) - 1)]


def text_bigrams(text: str) -> list[str]:
    """Bigrams of every Japanese run of ``text`` (normalised first)."""
    return [gram for run in japanese_runs(normalize(text)) for gram in bigrams(run)]


def split_for_sudachi(text: str, limit: int = MAX_CHUNK_CHARS) -> Iterator[str]:
    """Cut text into pieces SudachiPy accepts, preferring line and sentence ends."""
    while len(text) > limit:
        window = text[:limit]
        cut = max(window.rfind("\n"), window.rfind("。"), window.rfind(" "))
        cut = cut + 1 if cut > 0 else limit
        yield text[:cut]
        text = text[cut:]
    if text:
        yield text


@dataclass
class TextTerms:
    """What one piece of page text contributes to the index."""

    #: Index terms in text order (repeats kept: they are term frequencies).
    words: list[str] = field(default_factory=list)
    #: folded surface → the index terms it stands for (empty for particles).
    lexicon: dict[str, set[str]] = field(default_factory=dict)
    #: index term → SudachiPy synonym group ids.
    groups: dict[str, set[int]] = field(default_factory=dict)
    #: folded kana reading of a kanji noun → its index terms (ふくごうき → 複合機).
    readings: dict[str, set[str]] = field(default_factory=dict)

    def merge_vocabulary(self, other: TextTerms) -> None:
        """Add ``other``'s lexicon, synonym groups and readings (not its words)."""
        for key, values in other.lexicon.items():
            self.lexicon.setdefault(key, set()).update(values)
        for term, ids in other.groups.items():
            self.groups.setdefault(term, set()).update(ids)
        for key, values in other.readings.items():
            self.readings.setdefault(key, set()).update(values)


#: A reading written in katakana only: the dictionary knows the word as a loanword.
_KATAKANA = re.compile("[\u30a1-\u30f6\u30fc]+")

#: normalize() of one morpheme: the same few thousand words come back on every page.
_fold_word = lru_cache(maxsize=1 << 17)(normalize)


@lru_cache(maxsize=1 << 17)
def term_of(normalized_form: str) -> str:
    """The index term for a SudachiPy normalised form (spaces dropped: remote work)."""
    return _fold_word(normalized_form).replace(" ", "")


def index_term(key: str, term: str) -> str:
    """The term a word is indexed under: English words SudachiPy leaves as typed by stem.

    ``key`` is the folded surface, ``term`` the folded SudachiPy normalised form.
    Where SudachiPy knows the word it already unifies its spellings (meeting →
    みていんぐ, WiFi → wi-fi, e-mail → eめる), and that term stays; the forms it
    leaves as typed (meetings, transferred) go by their English stem, which the
    lexicon joins with the katakana term (index.py ``_link_english_readings``).
    """
    return english_stem(term) if is_english_word(key) and is_english_word(term) else term


def _how_to_verb(parts: Any) -> str | None:
    """The verb's term of a "how to" noun split in mode A (変え + 方 → 変える), else None.

    SudachiPy keeps many such nouns whole in mode C (変え方, 書き方): a query
    for one would otherwise find only the pages that use that noun, not the
    pages that explain the doing.
    """
    if len(parts) != 2 or parts[1].surface() != HOW_TO:
        return None
    if parts[0].part_of_speech()[0] != "動詞" or parts[1].part_of_speech()[0] != "接尾辞":
        return None
    return term_of(parts[0].normalized_form()) or None


@dataclass
class _Contribution:
    """What one morpheme adds to a :class:`TextTerms`, in the order it adds it.

    Replayed for each occurrence: the dicts get their keys and the sets their
    members in the same order as when the morpheme is analysed there.
    """

    lexicon: list[tuple[str, str | None]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    groups: list[tuple[str, tuple[int, ...]]] = field(default_factory=list)
    readings: list[tuple[str, str]] = field(default_factory=list)

    def add_to(self, terms: TextTerms) -> None:
        lexicon = terms.lexicon
        for key, term in self.lexicon:
            entry = lexicon.setdefault(key, set())
            if term is not None:
                entry.add(term)
        terms.words.extend(self.words)
        for term, ids in self.groups:
            terms.groups.setdefault(term, set()).update(ids)
        for reading, term in self.readings:
            terms.readings.setdefault(reading, set()).add(term)


class DocumentAnalyzer:
    """SudachiPy segmentation of page text into index terms and lexicon entries."""

    def __init__(self, dictionary: str = "core") -> None:
        from sudachipy import Dictionary, SplitMode

        self._dictionary = Dictionary(dict=dictionary)
        self._tokenizer = self._dictionary.tokenizer(mode=SplitMode.C)
        self._mode_a = SplitMode.A
        self._variants: dict[tuple[str, str], list[str]] = {}
        #: (word id, surface, compound parts?) → what that word adds: a dictionary
        #: word's part of speech, forms, synonyms and parts depend on nothing else.
        self._contributions: dict[tuple[int, str, bool], _Contribution] = {}
        self._seen: dict[str, TextTerms] = {}
        self._used: set[str] = set()
        self._loanwords: dict[str, str | None] = {}

    def analyze(self, text: str, terms: TextTerms | None = None) -> TextTerms:
        """Add the terms of ``text`` to ``terms`` (a new TextTerms if None).

        Each distinct text is segmented once per analyzer: the same section
        comes back in every language build of an untranslated page (fallback).
        """
        terms = terms if terms is not None else TextTerms()
        found = self._seen.get(text)
        if found is None:
            found = TextTerms()
            for piece in split_for_sudachi(text):
                for morpheme in self._tokenizer.tokenize(piece):
                    self._add(morpheme, found, compound_parts=True)
            self._seen[text] = found
        self._used.add(text)
        terms.words.extend(found.words)
        terms.merge_vocabulary(found)
        return terms

    def forget_unused(self) -> None:
        """Drop the texts not analysed since the last call.

        The dev server keeps one analyzer across rebuilds (only edited texts
        are segmented again); this keeps it from growing with every edit.
        """
        self._seen = {text: self._seen[text] for text in self._used if text in self._seen}
        self._used = set()

    def loanword_reading(self, word: str) -> str | None:
        """The folded katakana reading of a Latin word the dictionary knows as one
        loanword (mailbox → めるぼっくす), else None (see :mod:`wardsite.search.loanwords`)."""
        if word not in self._loanwords:
            morphemes = list(self._tokenizer.tokenize(word))
            reading = morphemes[0].reading_form() if len(morphemes) == 1 else ""
            self._loanwords[word] = _fold_word(reading) if _KATAKANA.fullmatch(reading) else None
        return self._loanwords[word]

    def morphemes(self, text: str) -> list[Any]:
        """SudachiPy's morphemes of a short text (a title), in the index's split mode."""
        return list(self._tokenizer.tokenize(text))

    def content_terms(self, text: str, stop: frozenset[str] = frozenset()) -> tuple[list[str], str]:
        """The index terms of the content words of a short text, in order, without parts,
        and the folded text from the last of them on.

        What a typed query's words give in the lexicon: 画面が止まらない →
        ([画面, 止まる], "止まらない") (particles, auxiliaries, lone kana and the
        ``stop`` words give no term).
        """
        out: list[str] = []
        tail: list[str] = []
        for morpheme in self._tokenizer.tokenize(text):
            pos = morpheme.part_of_speech()[0]
            key = _fold_word(morpheme.surface())
            tail.append(key)
            if pos in SKIP_POS or pos in FUNCTION_POS or not is_word(key):
                continue
            if len(key) == 1 and char_class(key) == JA and not is_kanji(key):
                continue
            term = index_term(key, term_of(morpheme.normalized_form()))
            if term and key not in stop and term not in stop:
                out.append(term)
                tail = [key]
        return out, "".join(tail)

    def single_word(self, word: str) -> tuple[str, set[int]] | None:
        """(index term, synonym group ids) when SudachiPy reads ``word`` as one content word."""
        morphemes = [
            m for m in self._tokenizer.tokenize(word) if m.part_of_speech()[0] not in SKIP_POS
        ]
        if len(morphemes) != 1 or morphemes[0].part_of_speech()[0] in FUNCTION_POS:
            return None
        term = term_of(morphemes[0].normalized_form())
        return (term, set(morphemes[0].synonym_group_ids())) if term else None

    def _add(self, morpheme: Any, terms: TextTerms, compound_parts: bool) -> None:
        """Add what one morpheme contributes (the same for every occurrence of a word)."""
        if morpheme.is_oov():  # joined numbers and unknown words: made from the text
            contribution = self._contribution(morpheme, compound_parts)
        else:
            key = (morpheme.word_id(), morpheme.surface(), compound_parts)
            contribution = self._contributions.get(key)
            if contribution is None:
                contribution = self._contributions[key] = self._contribution(
                    morpheme, compound_parts
                )
        contribution.add_to(terms)

    def _contribution(self, morpheme: Any, compound_parts: bool) -> _Contribution:
        found = _Contribution()
        self._collect(morpheme, found, compound_parts)
        return found

    def _collect(self, morpheme: Any, terms: _Contribution, compound_parts: bool) -> None:
        pos = morpheme.part_of_speech()[0]
        if pos in SKIP_POS:
            return
        key = _fold_word(morpheme.surface())
        if not is_word(key):
            return
        terms.lexicon.append((key, None))
        single_kana = len(key) == 1 and char_class(key) == JA and not is_kanji(key)
        if pos in FUNCTION_POS or single_kana:
            return
        term = term_of(morpheme.normalized_form())
        if not term:
            return
        indexed = index_term(key, term)
        terms.lexicon.append((key, indexed))
        terms.words.append(indexed)
        group_ids = morpheme.synonym_group_ids()
        if group_ids:
            terms.groups.append((term, tuple(group_ids)))
        for variant in self._okurigana_variants(morpheme.surface(), morpheme.normalized_form()):
            terms.lexicon.append((variant, term))
        if pos in READING_POS and any(is_kanji(ch) for ch in key):
            reading = _fold_word(morpheme.reading_form())
            if len(reading) >= MIN_READING and all(0x3041 <= ord(ch) <= 0x309F for ch in reading):
                terms.readings.append((reading, term))
        if pos != "名詞" or not (compound_parts or key.endswith(HOW_TO)):
            return
        parts = morpheme.split(self._mode_a)
        verb = _how_to_verb(parts)
        if verb:  # 変え方 (how to change) also stands for 変える
            terms.lexicon.append((key, verb))
        if compound_parts and len(parts) > 1:
            for part in parts:
                self._collect(part, terms, compound_parts=False)

    def _okurigana_variants(self, surface: str, normalized_form: str) -> list[str]:
        """Spellings with okurigana left out that the dictionary confirms (申込 for 申し込み).

        Only kana after a kanji are dropped, at most 3 of them, and a spelling
        counts only if SudachiPy's dictionary has it with the same normalised form.
        """
        cache_key = (surface, normalized_form)
        if cache_key in self._variants:
            return self._variants[cache_key]
        found: list[str] = []
        positions = [
            i
            for i, ch in enumerate(surface)
            if i > 0 and 0x3041 <= ord(ch) <= 0x309F and is_kanji(surface[0])
        ]
        if 0 < len(positions) <= 3 and any(is_kanji(ch) for ch in surface):
            for size in range(1, len(positions) + 1):
                for dropped in itertools.combinations(positions, size):
                    spelling = "".join(ch for i, ch in enumerate(surface) if i not in dropped)
                    matches = self._dictionary.lookup(spelling)
                    if any(m.normalized_form() == normalized_form for m in matches):
                        found.append(normalize(spelling))
        self._variants[cache_key] = found
        return found
