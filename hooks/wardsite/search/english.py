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
ending (query.py ``another_form``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

#: A folded English word: Latin letters only (no digits: FIDO2, M365 stay as written).
_ENGLISH_WORD = re.compile(r"[a-z]{3,}")

_STEMMER = snowballstemmer.stemmer("english")


def is_english_word(folded: str) -> bool:
    """True for a folded word of 3+ Latin letters (its inflections share a stem)."""
    return _ENGLISH_WORD.fullmatch(folded) is not None


@lru_cache(maxsize=1 << 16)
def english_stem(folded: str) -> str:
    """The index term of a folded English word (transferred → transfer)."""
    return _STEMMER.stemWord(folded)
