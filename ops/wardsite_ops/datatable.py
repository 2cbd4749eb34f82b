"""Writing a generated data table under data/: whole or not at all."""

from __future__ import annotations

from pathlib import Path


def write_table(path: Path, text: str, header: str, unit: str) -> None:
    """Write ``text`` to ``path`` through a partial file, and say how many rows it has.

    An interrupted run never leaves a half-written table behind: the partial
    file replaces the table only once it is complete.
    """
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    print(f"wrote {path} ({text.count(chr(10)) - header.count(chr(10))} {unit})")
