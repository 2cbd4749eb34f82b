"""English spellings of the loanwords a language's pages use (sign in → サインイン).

Staff type English on the Japanese site too ("sign in できない", "mailbox",
"backup"), while the Japanese pages write the loanword in katakana
(サインイン, メールボックス, バックアップ). SudachiPy's dictionary reads many
English words as their katakana loanword (mailbox → メールボックス, sign →
サイン, in → イン); this module uses those readings, so no table is written
by hand. The English words looked at are the site's own, in every language:
the English pages translate the Japanese ones and so name each loanword's
English original, alone or as two words side by side (sign in, back up).

A spelling becomes a lexicon key only where the pages use the loanword it
reads as: the katakana word is a key of the lexicon whose own term it is
(a kanji word read the same, 印 for イン, does not count), and only where the
spelling is not already a key. Two words become one key written together
(signin), which the query side reaches by joining two typed words whose
concatenation is a key (``query.py`` ``_respell_words``), and one written with
a hyphen (sign-in).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from itertools import pairwise

from wardsite.search.english import is_english_word
from wardsite.search.normalize import normalize

#: A stretch of Latin words separated by one space or hyphen (sign in, pop-up).
_LATIN_RUN = re.compile(r"[a-z]+(?:[ \-][a-z]+)*")
_LATIN_WORD = re.compile(r"[a-z]+")
#: The shortest reading of two words side by side that may stand for a loanword.
MIN_PAIR_KANA = 3


def english_spellings(texts: Iterable[str]) -> set[tuple[str, ...]]:
    """The folded Latin words of ``texts``, alone and two side by side."""
    found: set[tuple[str, ...]] = set()
    for text in texts:
        found.update(_spellings_of(text))
    return found


@lru_cache(maxsize=1 << 14)
def _spellings_of(text: str) -> frozenset[tuple[str, ...]]:
    """One text's spellings; the dev server rebuilds with the same texts again."""
    found: set[tuple[str, ...]] = set()
    for run in _LATIN_RUN.finditer(normalize(text)):
        words = _LATIN_WORD.findall(run.group())
        found.update((word,) for word in words)
        found.update(pairwise(words))
    return frozenset(found)


def loanword_keys(
    spellings: Iterable[tuple[str, ...]],
    reading: Callable[[str], str | None],
    lexicon: Mapping[str, set[str]],
    stopwords: frozenset[str],
) -> dict[str, set[str]]:
    """New lexicon keys: an English spelling → the terms of the loanword it reads as.

    ``reading`` gives a folded word's folded katakana reading, or None where
    the dictionary does not know it as one loanword. A single word needs three
    or more letters and must not be a stop word; a pair may hold one (sign in,
    my number), but its reading needs three or more kana: two short words side
    by side in a sentence (you the → ゆざ, are no → あの) meet a short word by
    chance, not the loanword they spell.
    """
    keys: dict[str, set[str]] = {}
    for spelling in sorted(spellings):
        if len(spelling) == 1 and (not is_english_word(spelling[0]) or spelling[0] in stopwords):
            continue
        readings = [reading(word) for word in spelling]
        if not all(readings):
            continue
        kana = "".join(r for r in readings if r)
        if len(spelling) > 1 and len(kana) < MIN_PAIR_KANA:
            continue
        terms = lexicon.get(kana)
        if not terms or kana not in terms:
            continue
        for key in {"".join(spelling), "-".join(spelling)}:
            if key not in lexicon:
                keys.setdefault(key, set()).update(terms)
    return keys
