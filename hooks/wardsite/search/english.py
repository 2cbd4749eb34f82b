"""English words in the index: one term for a word's inflections (file, files).

English pages say "When you are transferred" and "before you retire"; staff
type "transfer" and "retirement". Without stemming those are different terms,
and SudachiPy makes it worse: it reads the words its dictionary knows as
katakana (meeting → ミーティング) but leaves their inflections as written
(meetings), so "file" and "files" never met. Every English word of the pages
is therefore indexed under its Snowball (Porter2) English stem, the improved
successor of the Porter stemmer that lunr.js and Material's English search use
(a well-kept library rather than our own rules).

The query side needs no stemmer: the build records each surface form the
pages use in the lexicon with its stem, so a typed "transferred" or
"retirement" finds the stem the pages were indexed under.
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
