"""Untranslated pages in another language's index: keep only what differs.

With ``fallback_to_default`` an untranslated page is also built under ``en/``
with its Japanese text. A section of such a page that is word for word the
same as in Japanese (same title, same text, same place) is left out of the
other language's index, as mkdocs-static-i18n leaves it out of Material's
combined index: the page's own document (which carries the note "not
translated yet" and a lower boost) still finds it. Plain data, no MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def drop_fallback_copies(
    docs: Mapping[str, Sequence[Mapping[str, Any]]], languages: Sequence[str], default: str
) -> dict[str, list[Mapping[str, Any]]]:
    """Documents per language (every language in ``languages``), copies left out.

    A document of another language is a copy when a default-language document
    has the same ``title`` and ``text`` and the copy's ``location`` ends with
    the original's (``en/guide/#step`` and ``guide/#step``).
    """
    originals: dict[tuple[str, str], list[str]] = {}
    for doc in docs.get(default, ()):
        key = (str(doc.get("title", "")), str(doc.get("text", "")))
        originals.setdefault(key, []).append(str(doc.get("location", "")))
    out: dict[str, list[Mapping[str, Any]]] = {}
    for lang in languages:
        kept = list(docs.get(lang, ()))
        if lang != default:
            kept = [d for d in kept if not _is_copy(d, originals)]
        out[lang] = kept
    return out


def _is_copy(doc: Mapping[str, Any], originals: Mapping[tuple[str, str], list[str]]) -> bool:
    key = (str(doc.get("title", "")), str(doc.get("text", "")))
    location = str(doc.get("location", ""))
    return any(location.endswith(original) for original in originals.get(key, ()))
