"""Write ``data/search/kanji-readings.tsv``: the on'yomi of the jōyō kanji.

    .venv/bin/python -m wardsite_ops.kanji_readings [--unihan /usr/share/unicode] [--out FILE]

The site search reads a two-kanji word typed with the wrong kanji of the same
sound as the word the site uses (印冊 → 印刷, 内戦 → 内線): the IME and voice
input convert by reading, so their slips are homophones. It needs each kanji's
on'yomi, the readings kanji have in compounds. They come from the Unicode Han
Database (Unihan, field ``kJapaneseOn``), which Debian's ``unicode-data``
package installs; romaji become hiragana with jaconv. Only the jōyō kanji
(field ``kJoyoKanji``), the kanji of general use that an IME offers first, are
kept: the table ships to the browser.

Run it again after a new Unicode release; the build reads only the TSV file
(``hooks/wardsite/search/readings.py``), and a test checks that it is what this
tool writes from the installed Unihan files.
"""

from __future__ import annotations

import argparse
import bz2
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import jaconv

from wardsite_ops.datatable import write_table

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "data" / "search" / "kanji-readings.tsv"
UNIHAN = Path("/usr/share/unicode")
HIRAGANA = re.compile("[\u3041-\u3096]+")

HEADER = """\
# The on'yomi (readings in compounds) of the jōyō kanji, in hiragana:
# kanji<TAB>readings separated by spaces. Written by `python -m wardsite_ops.kanji_readings`
# from the Unicode Han Database (Unihan {version}: kJapaneseOn, kJoyoKanji);
# do not edit by hand. Unihan: (c) Unicode, Inc., distributed under the Unicode License
# (terms of use: unicode.org/terms_of_use.html).
"""


def unihan_fields(path: Path, fields: set[str]) -> Iterator[tuple[str, str, str]]:
    """(character, field, value) for the wanted fields of one Unihan file (.txt or .txt.bz2)."""
    opener = bz2.open if path.suffix == ".bz2" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("U+"):
                code, field, value = line.rstrip("\n").split("\t", 2)
                if field in fields:
                    yield chr(int(code[2:], 16)), field, value


def _unihan_file(folder: Path, name: str) -> Path:
    for candidate in (folder / f"{name}.txt", folder / f"{name}.txt.bz2"):
        if candidate.is_file():
            return candidate
    raise SystemExit(
        f"{folder / name}.txt(.bz2) がありません。Debian の unicode-data パッケージを入れるか、"
        "--unihan で Unihan のファイルがあるフォルダーを指定してください。"
    )


def kanji_readings(folder: Path = UNIHAN) -> dict[str, list[str]]:
    """The jōyō kanji with their on'yomi in hiragana (kanji with none left out)."""
    listed = {
        char
        for char, _field, _value in unihan_fields(
            _unihan_file(folder, "Unihan_OtherMappings"), {"kJoyoKanji"}
        )
    }
    readings: dict[str, list[str]] = {}
    for char, _field, value in unihan_fields(
        _unihan_file(folder, "Unihan_Readings"), {"kJapaneseOn"}
    ):
        if char in listed:
            kana = [jaconv.alphabet2kana(word.lower()) for word in value.split()]
            kept = list(dict.fromkeys(k for k in kana if HIRAGANA.fullmatch(k)))
            if kept:
                readings[char] = kept
    return dict(sorted(readings.items()))


def unicode_version(folder: Path) -> str:
    """The Unicode version named in the Unihan readings file's header, or "?"."""
    path = _unihan_file(folder, "Unihan_Readings")
    opener = bz2.open if path.suffix == ".bz2" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                break
            found = re.match(r"# Unicode version: (\S+)", line)
            if found:
                return found.group(1)
    return "?"


def render(readings: dict[str, list[str]], version: str) -> str:
    body = "".join(f"{char}\t{' '.join(kana)}\n" for char, kana in readings.items())
    return HEADER.format(version=version) + body


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unihan", type=Path, default=UNIHAN)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = render(kanji_readings(args.unihan), unicode_version(args.unihan))
    write_table(args.out, text, HEADER, "kanji")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
