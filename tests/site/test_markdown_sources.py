"""Checks on the Markdown sources that catch mistakes editors often make."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_no_bullet_list_directly_after_a_numbered_list() -> None:
    # Python-Markdown merges such a bullet list into the numbered list above it,
    # so the bullets are shown as further numbered steps.
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        previous = None
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if re.match(r"\d+\. ", line):
                previous = "numbered"
            elif re.match(r"[-*+] ", line):
                if previous == "numbered":
                    found.append(f"{path.relative_to(DOCS)}:{number}: {line[:40]}")
                previous = "bullet"
            elif line.strip() and not line.startswith((" ", "\t")):
                previous = None
    assert not found, (
        "番号付きリストの直後に「-」のリストがあります（間に1文入れてください）:\n"
        + "\n".join(found)
    )


def test_no_admonition_title_escapes_a_quote() -> None:
    # The admonition extension does not unescape \" in a title: readers would
    # see the backslashes. Use “ ” or 「」 inside the title instead.
    found = [
        f"{path.relative_to(DOCS)}:{number}: {line[:60]}"
        for path in sorted(DOCS.rglob("*.md"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if re.match(r"\s*!!!\??\+? ", line) and '\\"' in line
    ]
    assert not found, (
        '注意書きの題に \\" があります（そのまま表示されます。“ ” か「」を使ってください）:\n'
        + "\n".join(found)
    )
