"""The glossary: one data file gives the 用語集 page and the tooltips on every page.

``data/glossary/terms.yml`` lists each term with a one-line tooltip, an
optional longer text, the guide that explains it and an optional English
variant. Pages get the tooltips as Python-Markdown abbreviation definitions
(``*[MFA]: ...``) appended to their Markdown, in the language of the page, so
no page needs to repeat a definition.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wardsite import placeholders
from wardsite.errors import SiteInputError
from wardsite.yamlfile import read_mapping

#: The line in docs/help/glossary.md (and glossary.en.md) replaced by the term list.
MARKER = "<!-- wardsite:glossary -->"


@dataclass(frozen=True)
class Entry:
    """One term in one language."""

    term: str
    tooltip: str
    text: str
    link: str | None  # docs-relative Markdown path


def load_terms(path: Path, docs_dir: Path, org: Mapping[str, Any]) -> dict[str, list[Entry]]:
    """Read the glossary file: entries per language (``ja``, ``en``).

    Raises SiteInputError naming the file, the entry and what to do.
    """
    name = f"data/glossary/{path.name}"
    data = read_mapping(path, name, "「terms:」の下に、用語を「- term: …」の形で並べてください。")
    items = data.get("terms")
    if not isinstance(items, list) or not items:
        raise SiteInputError(
            name, "terms", "がないか、空です。", "「terms:」の下に用語を1つ以上書いてください。"
        )
    out: dict[str, list[Entry]] = {"ja": [], "en": []}
    for index, item in enumerate(items):
        where = f"terms の{index + 1}番目"
        if not isinstance(item, Mapping):
            raise SiteInputError(
                name, where, "が「term: …」の形になっていません。", "見本と同じ形で書いてください。"
            )
        link = _link(item.get("link"), docs_dir, name, f"{where}の link")
        out["ja"].append(_entry(item, link, org, name, where))
        english = item.get("en")
        if english is not None:
            if not isinstance(english, Mapping):
                raise SiteInputError(
                    name,
                    f"{where}の en",
                    "の形が違います。",
                    "term と tooltip を字下げして書きます。",
                )
            out["en"].append(_entry(english, link, org, name, f"{where}の en"))
    for lang, entries in out.items():
        seen: set[str] = set()
        for entry in entries:
            if entry.term in seen:
                raise SiteInputError(
                    name,
                    entry.term,
                    f"が2回書かれています（{lang}）。",
                    "同じことばは1回だけにしてください。",
                )
            seen.add(entry.term)
    return out


def _entry(
    item: Mapping[str, Any], link: str | None, org: Mapping[str, Any], name: str, where: str
) -> Entry:
    values: dict[str, str] = {}
    for key, required in (("term", True), ("tooltip", True), ("text", False)):
        value = item.get(key)
        if value is None and not required:
            values[key] = ""
            continue
        if not isinstance(value, str) or not value.strip():
            raise SiteInputError(
                name, f"{where}の {key}", "が空か、書かれていません。", "文字で書いてください。"
            )
        values[key] = " ".join(placeholders.expand(value, org, name).split())
    if any(ch in values["term"] for ch in "[]*"):
        raise SiteInputError(
            name, f"{where}の term", "に [ ] * は使えません。", "ことばだけを書いてください。"
        )
    return Entry(values["term"], values["tooltip"], values["text"], link)


def _link(value: Any, docs_dir: Path, name: str, where: str) -> str | None:
    if value is None:
        return None
    fix = "docs/ の中のページを「start/mfa-setup.md」の形で書いてください。"
    if not isinstance(value, str) or not value.endswith(".md"):
        raise SiteInputError(name, where, "がページの場所になっていません。", fix)
    normal = posixpath.normpath(value)
    if normal.startswith(("..", "/")) or not (docs_dir / normal).is_file():
        raise SiteInputError(name, where, f"のページ「{value}」が docs/ にありません。", fix)
    return normal


def abbreviations(entries: list[Entry]) -> str:
    """Markdown abbreviation definitions for the tooltips of one language."""
    lines = [f"*[{e.term}]: {e.tooltip}" for e in entries]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def glossary_markdown(entries: list[Entry], page_path: str, lang: str) -> str:
    """The term list for the glossary page at docs-relative ``page_path``."""
    more = "くわしく" if lang == "ja" else "More"
    base = posixpath.dirname(page_path)
    blocks = []
    for entry in sorted(entries, key=lambda e: e.term.casefold()):
        body = entry.tooltip + ("。" if lang == "ja" and not entry.tooltip.endswith("。") else "")
        if lang != "ja" and not body.endswith("."):
            body += "."
        if entry.text:
            body += " " + entry.text if lang != "ja" else entry.text
        if entry.link:
            href = posixpath.relpath(entry.link, base or ".")
            body += f" [{more}]({href})"
        blocks.append(f"{entry.term}\n:   {body}")
    return "\n\n".join(blocks) + "\n"
