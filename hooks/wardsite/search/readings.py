"""Kanji readings, for reading a wrong kanji conversion (印冊 → 印刷).

The IME and voice input write what they hear: when they offer the wrong kanji
for a word, it has the sound the right kanji has in that word. The query side
gets two lists (query.py ``_homophone_key``):

- ``kanjiPairs``: each two-kanji word of the pages with the sound of each of
  its kanji in the word (印刷 → いん, さつ), split from SudachiPy's reading of
  the word by the kanji's on'yomi;
- ``kanjiReadings``: the on'yomi of the jōyō kanji (``data/search/kanji-readings.tsv``,
  written from Unihan by ``python -m wardsite_ops.kanji_readings``), only
  those that are the sound of a kanji in some word of the first list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from wardsite.errors import SiteInputError
from wardsite.search.segment import is_kanji

TABLE = Path(__file__).resolve().parents[3] / "data" / "search" / "kanji-readings.tsv"
Table = Mapping[str, tuple[str, ...]]
_HIRAGANA = re.compile("[\u3041-\u3096]+")


@cache
def kanji_readings(path: Path = TABLE) -> dict[str, tuple[str, ...]]:
    """kanji → its on'yomi in hiragana, from the TSV table (SiteInputError if it is damaged)."""
    table: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        kanji, _tab, readings = line.partition("\t")
        sounds = tuple(readings.split())
        if (
            len(kanji) != 1
            or not is_kanji(kanji)
            or not sounds
            or not all(map(_HIRAGANA.fullmatch, sounds))
        ):
            raise SiteInputError(
                path.name,
                f"{number} 行目",
                "が「漢字1文字、タブ、ひらがなの読み（空白区切り）」の形ではありません。",
                "このファイルは手で直さず、"
                "python -m wardsite_ops.kanji_readings で作り直してください。",
            )
        table[kanji] = sounds
    return table


def is_kanji_pair(word: str) -> bool:
    """A word of two kanji: the words a homophone slip may reach."""
    return len(word) == 2 and all(is_kanji(ch) for ch in word)


def sounds_in_word(word: str, reading: str, table: Table) -> tuple[set[str], set[str]]:
    """The sound of each kanji of ``word`` in its ``reading``: 印刷, いんさつ → {いん}, {さつ}.

    Where one kanji's on'yomi begins or ends the reading, the rest is the
    other kanji's sound (学校, がっこう → がっ, こう); a reading that no on'yomi
    begins or ends (a kun'yomi word) gives nothing.
    """
    first: set[str] = set()
    second: set[str] = set()
    for sound in table.get(word[0], ()):
        if reading.startswith(sound) and len(reading) > len(sound):
            first.add(sound)
            second.add(reading[len(sound) :])
    for sound in table.get(word[1], ()):
        if reading.endswith(sound) and len(reading) > len(sound):
            first.add(reading[: -len(sound)])
            second.add(sound)
    return first, second


def homophone_data(
    words: Mapping[str, Iterable[str]], table: Table | None = None
) -> tuple[list[list[object]], list[list[object]]]:
    """``(kanjiPairs, kanjiReadings)`` for the two-kanji ``words`` (word → its readings).

    kanjiPairs: ``[[word, [sounds of the first kanji], [of the second]], ...]``
    in word order; kanjiReadings: ``[[kanji, [on'yomi]], ...]`` with only the
    on'yomi that are some pair's sound (others can never match; the list
    ships to the browser).
    """
    table = kanji_readings() if table is None else table
    pairs: list[list[object]] = []
    for word in sorted(words):
        first: set[str] = set()
        second: set[str] = set()
        for reading in words[word]:
            a, b = sounds_in_word(word, reading, table)
            first |= a
            second |= b
        if first or second:
            pairs.append([word, sorted(first), sorted(second)])
    heard = {sound for _word, a, b in pairs for sound in [*a, *b]}  # type: ignore[misc]
    readings: list[list[object]] = []
    for kanji, sounds in sorted(table.items()):
        kept = [sound for sound in sounds if sound in heard]
        if kept:
            readings.append([kanji, kept])
    return pairs, readings
