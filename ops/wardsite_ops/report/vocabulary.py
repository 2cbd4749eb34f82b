"""Words the site's search knows, from the built search index.

The lexicon shards (``search/<lang>/lexicon/*.json``, see
wardsite.search.shards) list every word the build saw in the pages, folded
the way queries are (wardsite.search.normalize). A failed query is cut by
longest match against those words; what is left over are the words the
search does not know: candidates for data/search/synonyms.yml (a word staff
use for something the pages call otherwise) or for a new page.
"""

from __future__ import annotations

import json
from pathlib import Path

from wardsite.search.normalize import normalize
from wardsite.search.segment import ALNUM, JA, char_class
from wardsite_ops.report.privacy import EMAIL_MASK, NUMBER_MASK


class Vocabulary:
    def __init__(self, words: set[str], function_words: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        self.words = words
        #: Particles and endings (known, but no word of their own): they end a run.
        self.function_words = function_words - words
        self.longest = max((len(w) for w in words | self.function_words), default=1)

    @classmethod
    def from_site(cls, site: Path, lang: str) -> Vocabulary | None:
        """The vocabulary of ``lang`` in a built site, or None when there is no index."""
        folder = site / "search" / lang / "lexicon"
        words: set[str] = set()
        function_words: set[str] = set()
        for shard in sorted(folder.glob("*.json")):
            data = json.loads(shard.read_text(encoding="utf-8"))
            for entry in data.get("entries", []):
                if len(entry) >= 3:
                    (words if entry[2] else function_words).add(str(entry[1]))
        return cls(words, function_words) if words else None

    def unknown_words(self, query: str) -> list[str]:
        """The parts of ``query`` that no known word covers, as typed.

        Longest match left to right on the folded text (katakana as hiragana,
        no long-vowel marks); the leftover runs are returned in the query's
        own spelling.
        """
        text = query.replace(EMAIL_MASK, " ").replace(NUMBER_MASK, " ")
        chars, origin = _folded(text)
        unknown: list[str] = []
        start = -1  # where the current unknown run began (index into chars)

        def flush(end: int) -> None:
            nonlocal start
            if start >= 0 and end - start >= 2:
                unknown.append(text[origin[start] : origin[end - 1] + 1])
            start = -1

        i = 0
        while i < len(chars):
            cls = char_class(chars[i])
            if cls == ALNUM:  # a Latin word: known or not as a whole
                flush(i)
                j = i
                while j < len(chars) and char_class(chars[j]) == ALNUM:
                    j += 1
                word = chars[i:j]
                if word not in self.words and not word.isdigit() and len(word) >= 2:
                    unknown.append(text[origin[i] : origin[j - 1] + 1])
                i = j
                continue
            if cls != JA:
                flush(i)
                i += 1
                continue
            match = 0
            # One character is no evidence of a known word (the lexicon has
            # single kanji), unless it is a particle, which ends a word.
            for length in range(min(self.longest, len(chars) - i), 0, -1):
                piece = chars[i : i + length]
                if (length > 1 and piece in self.words) or piece in self.function_words:
                    match = length
                    break
            if match:
                flush(i)
                i += match
            else:
                if start < 0:
                    start = i
                i += 1
        flush(len(chars))
        return list(dict.fromkeys(unknown))


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, and for each folded character its index in text."""
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = normalize(ch) if not ch.isspace() else " "
        for piece in folded:
            out.append(piece)
            origin.append(index)
    return "".join(out), origin
