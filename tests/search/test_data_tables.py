"""Generated data tables under data/search: a damaged line stops the build in Japanese.

The tables are written by tools in ops/wardsite_ops and never edited by hand;
the message names the file and the line, and says which tool writes it again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wardsite.errors import SiteInputError
from wardsite.search.english import irregular_forms
from wardsite.search.readings import kanji_readings

TABLES: list[tuple[Callable[[Path], Any], str, str, str]] = [
    (kanji_readings, "kanji-readings.tsv", "刷\tさつ", "wardsite_ops.kanji_readings"),
    (irregular_forms, "english-irregular.tsv", "sent\tsend", "wardsite_ops.english_irregular"),
]
DAMAGED = {
    "kanji-readings.tsv": ["印\tinsatsu", "印刷\tいん", "印", "a\tえい"],
    "english-irregular.tsv": ["lost", "lost\t", "Lost\tlose", "lost\tlo se"],
}


@pytest.mark.parametrize(
    ("load", "name", "good", "tool", "bad"),
    [(*table, bad) for table in TABLES for bad in DAMAGED[table[1]]],
)
def test_a_damaged_line_is_named_in_japanese(
    tmp_path: Path, load: Callable[[Path], Any], name: str, good: str, tool: str, bad: str
) -> None:
    table = tmp_path / name
    table.write_text(f"# header\n{good}\n{bad}\n", encoding="utf-8")
    with pytest.raises(SiteInputError) as caught:
        load(table)
    assert caught.value.file == name and caught.value.field == "3 行目"
    assert tool in caught.value.fix
