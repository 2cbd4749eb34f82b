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
