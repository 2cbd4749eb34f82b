"""English words in the index: one term for a word's inflections (file, files).

English pages say "When you are transferred" and "before you retire"; staff
type "transfer" and "retirement". SudachiPy reads the English words its
dictionary knows as katakana (meeting → ミーティング, transfer → トランスファー),
which also unifies their spellings (WiFi and Wi-Fi, email and e-mail), but it
leaves their other forms as typed (meetings, transferred), so "file" and
"files" never met. The forms SudachiPy leaves as typed are therefore indexed
under their Snowball (Porter2) English stem, the improved successor of the
Porter stemmer that lunr.js and Material's English search use (a well-kept
library rather than our own rules), and the lexicon joins each stem with the
katakana terms of its other forms (index.py ``_link_english_readings``).

The query side needs no stemmer: the lexicon holds every form the pages use;
a form no page uses reaches the forms that differ from it only by an English
ending (query.py ``another_form``). Irregular verb forms, which no stemmer
joins (lost → lose, sent → send), come from WordNet's exception list
(``data/search/english-irregular.tsv``, written by ``python -m
wardsite_ops.english_irregular``) and are joined in the lexicon both ways.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

from wardsite.errors import SiteInputError

#: A folded English word: Latin letters only (no digits: FIDO2, M365 stay as written).
_ENGLISH_WORD = re.compile(r"[a-z]{3,}")

_STEMMER = snowballstemmer.stemmer("english")

IRREGULAR = Path(__file__).resolve().parents[3] / "data" / "search" / "english-irregular.tsv"
_LETTERS = re.compile(r"[a-z]+")


def is_english_word(folded: str) -> bool:
    """True for a folded word of 3+ Latin letters (its inflections share a stem)."""
    return _ENGLISH_WORD.fullmatch(folded) is not None


@lru_cache(maxsize=1 << 16)
def english_stem(folded: str) -> str:
    """The index term of a folded English word (transferred → transfer)."""
    return _STEMMER.stemWord(folded)


@cache
def irregular_forms(path: Path = IRREGULAR) -> dict[str, str]:
    """Irregular verb form → base form (lost → lose), from the TSV table.

    SiteInputError, naming the file and the line, if a line is damaged.
    """
    forms: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        form, _tab, base = line.partition("\t")
        if not (_LETTERS.fullmatch(form) and _LETTERS.fullmatch(base)):
            raise SiteInputError(
                path.name,
                f"{number} 行目",
                "が「英小文字の変化形、タブ、英小文字の元の形」の形ではありません。",
                "このファイルは手で直さず、"
                "python -m wardsite_ops.english_irregular で作り直してください。",
            )
        forms[form] = base
    return forms
