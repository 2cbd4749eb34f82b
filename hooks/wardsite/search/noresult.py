"""What the search box offers when a query matches nothing (``search/<lang>/help.json``).

A staff member who gets no result should never face an empty box. The
browser side (``overrides/assets/javascripts/search/noresult.js``) then shows:

* 「もしかして：…」: words of the site close to what was typed (edit distance
  on the ``normalize``d forms, so kana/width differences cost nothing), from
  the vocabulary written here: the words of page titles and section headings,
  with the form to display;
* a short list of the top-task pages (chosen by editors);
* how to reach the helpdesk (org.yml).

The data is written per language at build time; the browser fetches it only
after a query that matched nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.search.index import SearchDoc
from wardsite.search.normalize import normalize
from wardsite.search.segment import ALNUM, JA, char_class
from wardsite.search.stopwords import stopword_set

#: At most this many suggestion words per language (the most frequent first).
MAX_WORDS = 4000
#: English words Sudachi reads as nouns that name nothing on a page.
ENGLISH_GRAMMAR = frozenset(
    [
        "you",
        "your",
        "yours",
        "not",
        "this",
        "that",
        "these",
        "those",
        "from",
        "into",
        "will",
        "have",
        "has",
        "was",
        "were",
        "they",
        "them",
        "their",
        "its",
        "there",
        "here",
        "then",
        "than",
        "also",
        "only",
        "just",
        "more",
        "most",
        "some",
        "any",
        "all",
        "each",
    ]
)
#: Parts of speech whose words are offered as suggestions (names of things).
CONTENT_POS = ("名詞",)


def _is_offered(surface: str, stop: frozenset[str]) -> bool:
    folded = normalize(surface)
    if len(folded) < 2 or any(char_class(ch) not in (JA, ALNUM) for ch in folded):
        return False
    if folded in stop or folded in ENGLISH_GRAMMAR or folded.isdigit():
        return False
    # short hiragana (こと, いか) are grammar, not topics
    return not (len(folded) < 3 and all(0x3041 <= ord(ch) <= 0x309F for ch in folded))


def suggestion_words(titles: Iterable[str], tokenize: Any) -> list[list[str]]:
    """``[[folded, surface], ...]`` of the content words in titles, most frequent first.

    ``tokenize(text)`` gives SudachiPy morphemes (``DocumentAnalyzer.morphemes``).
    """
    counts: Counter[str] = Counter()
    surfaces: dict[str, str] = {}
    stop = stopword_set()
    for title in titles:
        for morpheme in tokenize(title):
            surface = morpheme.surface().strip()
            if morpheme.part_of_speech()[0] not in CONTENT_POS or not _is_offered(surface, stop):
                continue
            folded = normalize(surface)
            counts[folded] += 1
            surfaces.setdefault(folded, surface)
    ranked = sorted(counts, key=lambda word: (-counts[word], word))[:MAX_WORDS]
    return [[word, surfaces[word]] for word in ranked]


def top_pages(
    docs: Sequence[SearchDoc], locations: Sequence[str], lang_prefix: str
) -> list[list[str]]:
    """``[[location, title], ...]`` of the configured top-task pages in this language."""
    titles = {doc.location: doc.title for doc in docs if "#" not in doc.location}
    out: list[list[str]] = []
    for index, location in enumerate(locations):
        full = lang_prefix + location.lstrip("/")
        if full not in titles:
            raise SiteInputError(
                "mkdocs.yml",
                f"extra.search_top_pages の {index + 1} 番目",
                f"の「{location}」というページがありません。",
                "「account/password-reset/」のように、サイトの中のページの場所を書いてください。",
            )
        out.append([full, titles[full]])
    return out


def help_data(
    docs: Sequence[SearchDoc],
    tokenize: Any,
    locations: Sequence[str],
    lang_prefix: str,
    helpdesk: Mapping[str, Any],
) -> dict[str, Any]:
    """The contents of ``help.json`` for one language."""
    titles = [doc.title for doc in docs]
    contact = {key: str(helpdesk[key]) for key in ("name", "phone", "email") if key in helpdesk}
    if "extension" in helpdesk:
        contact["extension"] = str(helpdesk["extension"])
    return {
        "words": suggestion_words(titles, tokenize),
        "pages": top_pages(docs, locations, lang_prefix),
        "helpdesk": contact,
        "helpPage": lang_prefix + "help/",
    }


def write_help(data: Mapping[str, Any], folder: Path) -> Path:
    path = folder / "help.json"
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
