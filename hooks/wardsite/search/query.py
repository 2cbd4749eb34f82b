"""Query analysis: a typed query → lunr clauses (the Python twin of analysis.js).

The browser runs ``overrides/assets/javascripts/search/analysis.js``; this
module does the same, step for step, so that the shared vectors
(``data/search/test-vectors.json``) can prove both give the same clauses, and so
that Python can evaluate search quality with lunr.py.

Steps, with the bundle's ``analysis`` data (see index.py):

1. ``normalize`` the query (normalize.py), after removing a lowercase consonant
   typed between two kana (romaji the IME left unconverted: 固まtった),
   joining two Latin words, or two katakana words, whose concatenation is a
   content word of the pages (one drive, share point, パス ワード: a name typed
   in two parts, whose parts alone are other words, point → print, or none),
   and writing a kana word that spells an acronym of the pages by the names of
   its letters as the acronym (えむえふえー → mfa: typed without switching to
   Latin input; ``LETTER_NAMES``) and a negative contraction typed without its
   apostrophe as the contraction (wont → won't, not a typo of font).
2. Half-typed last word: unless the query ends with a space, find the longest
   suffix (2+ characters) that is no complete lexicon word but begins some
   lexicon words (パスワ → パスワード); its completions become ``prefix``
   clauses (the shortest words first; not the phrases built on one of them,
   such as パスワードを忘れた). A suffix that is a complete word stops the search.
3. Segment the rest by dynamic programming over the lexicon (plus the stop
   words): fewest unknown characters, then fewest typo matches, then fewest
   segments. A Japanese stretch that differs in one character (a kanji for a
   kanji, a kana for a kana; not the word's only kanji), or by two neighbours
   swapped, from a lexicon word of 3+ characters with a kanji, or 5+ kana, is
   a ``typo`` match (在宅勤無 → 在宅勤務, ヘルプデクス → ヘルプデスク); a kanji
   replaced in an all-kanji stretch (a wrong conversion: 他要素認証) counts as
   no typo match but two and a half segments (``_CONVERSION``). Short kana
   words (loanwords: チャット) are compared mora by mora, with small kana
   (ャ, ッ) read as their large twins: a 3+ kana stretch is a typo match of a
   kana word that it equals that way (チヤット), or equals with two neighbours
   swapped (チャトッ), or with one character of a 4+ kana word missing
   (サインン, ヘッドセト), or with voicing marks missing when the word is a kana
   word of the pages, not a kanji word's reading (ズマホ, ロクイン); ー is
   already dropped by ``normalize``. A stretch of
   two kanji is a typo match of a two-kanji word only when one kanji is the
   same and the other has the sound the word's kanji has in that word (印冊 →
   印刷: a wrong conversion is a homophone; readings.py), and a stretch of one
   kanji and 2+ hiragana is a typo match of a two-kanji word when the kana is
   the sound the word's other kanji has in it (さく除 → 削除, 変こう → 変更: the
   IME converted only part of the word). No word begins or
   ends inside a typed katakana stretch unless it lies inside it with 2+
   characters and is no stop word (送信したメール: メール, not ため + る). A
   kanji that stands alone for a verb or adjective (長 → 長い) is no word next
   to another kanji: 区長 is a compound, not 区 + 長い.
4. Known words give ``word`` clauses and their synonyms ``synonym``/``related``
   clauses; stop words (question phrasing) give nothing; unknown Japanese runs
   give character bigrams (``ngram``); unknown Latin words give ``word`` and,
   from 4 letters on, up to a few lexicon words one edit away or another form
   of the same word (retiring: retire, retired; ``another_form``) (``typo``); a
   3-letter word (an acronym: MAF, UBS) only reaches 3-letter words with two
   neighbours swapped or one letter replaced by a QWERTY neighbour, so that
   short keys do not match everything. A Latin word that is the romaji of a
   lexicon word of 3+ kana (rokku kaijo: the IME was off) gives that word
   instead, also with a doubled vowel for a long one (pasuwaado) or with an
   ending (wasureta: わすれ + た) (romaji.py, ``_romaji_segments``).
5. An everyday expression of the paraphrase file whose content words stand
   side by side in the query, in any inflection and with any particles
   (画面が止まって for 画面が止まった), adds its paraphrases (``phrases``).
6. When the stop words leave nothing, the query is analysed again keeping them
   (a stop word the lexicon does not know gives its bigrams).

Clauses are ``{"term", "kind", "boost"}``; the fields to search are
``analysis["fields"][kind]``. A term appears once per field group (word or
ngram fields) with the highest boost it got.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wardsite.search.normalize import (
    WHITESPACE,
    drop_unconverted_letters,
    katakana_runs,
    normalize,
)
from wardsite.search.readings import is_kanji_pair
from wardsite.search.romaji import romaji_readings
from wardsite.search.segment import ALNUM, JA, SEP, bigrams, char_class, is_kanji

#: A query ending in one of these is finished: no completion of its last word.
END_SPACES = " \t\n\r\u3000"

Clause = dict[str, Any]
#: Romaji reads as kana only for words of this many kana or more (ろっく, かいじょ):
#: shorter ones (note → のて) are too often English.
MIN_ROMAJI_KANA = 3
_HIRAGANA = re.compile("[\u3041-\u3096]")
#: A whole word of Latin letters and digits, of katakana, of kana, in either width;
#: the whitespace between words.
_LATIN_WORD = re.compile("[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_KATAKANA_WORD = re.compile("[\u30a1-\u30fa\u30fc-\u30fe\uff66-\uff9f]+")
_KANA_WORD = re.compile("[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\uff66-\uff9f]+")
#: What may stand between two parts of one name typed apart: spaces, or the
#: middle dot Japanese writes between the words of a loanword (パス・ワード).
_SEPARATORS = re.compile(f"({WHITESPACE}|[\u30fb\uff65])")
#: Small kana read as their large twins when short kana words are compared.
SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
#: Voiced kana (グ, ズ, パ) read as their plain twins when a stretch is compared
#: with the kana words of the pages (loanwords, not the readings of kanji
#: words): the voicing mark is a separate key press in flick and kana input,
#: easy to miss (ズマホ, ガメラ, ロクイン).
VOICELESS = str.maketrans(
    "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔ",
    "かきくけこさしすせそたちつてとはひふへほはひふへほう",
)
#: The names of the Latin letters in kana, as ``normalize`` folds them (えー → え,
#: でぃー → でい, じぇー → じえ): an acronym typed without switching to Latin input.
LETTER_NAMES: dict[str, tuple[str, ...]] = {
    "a": ("え", "えい"), "b": ("び",), "c": ("し",), "d": ("でい", "で"), "e": ("い",),
    "f": ("えふ",), "g": ("じ",), "h": ("えいち", "えっち"), "i": ("あい",),
    "j": ("じえ", "じえい"), "k": ("け", "けい"), "l": ("える",), "m": ("えむ",),
    "n": ("えぬ",), "o": ("お",), "p": ("ぴ",), "q": ("きゅ",), "r": ("ある",), "s": ("えす",),
    "t": ("てい", "て"), "u": ("ゆ",), "v": ("ぶい",), "w": ("だぶりゅ", "だぶる"),
    "x": ("えっくす",), "y": ("わい",), "z": ("ぜっと", "ずい"),
}  # fmt: skip
#: Longer kana words are not read as letters (the ways to read them multiply).
MAX_SPELLED_KANA = 16
#: Negative contractions as often typed, without the apostrophe (cant → can't).
APOSTROPHE_LESS: dict[str, str] = {
    word.replace("'", ""): word
    for word in (
        "can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
        "weren't", "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't",
    )
}  # fmt: skip
#: QWERTY rows, for the neighbours of a letter typed in a 3-letter acronym.
KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, set[str]]:
    near: dict[str, set[str]] = {}
    for r, row in enumerate(KEY_ROWS):
        for i, ch in enumerate(row):
            found = near.setdefault(ch, set())
            spots = [(r, i - 1), (r, i + 1), (r - 1, i), (r - 1, i + 1), (r + 1, i - 1), (r + 1, i)]
            for rr, ii in spots:
                if 0 <= rr < len(KEY_ROWS) and 0 <= ii < len(KEY_ROWS[rr]):
                    found.add(KEY_ROWS[rr][ii])
    return near


NEIGHBOURS = _keyboard_neighbours()


def is_kana_word(text: str) -> bool:
    return all(0x3041 <= ord(ch) <= 0x3096 for ch in text)


def acronym_slip(a: str, b: str) -> bool:
    """True when 3-letter b is a with two neighbours swapped or one letter a key away."""
    if len(a) != 3 or len(b) != 3 or a == b or not (a.isascii() and b.isascii()):
        return False
    if not (a.isalpha() and b.isalpha()):
        return False
    diffs = [i for i in range(3) if a[i] != b[i]]
    if len(diffs) == 1:
        return b[diffs[0]] in NEIGHBOURS.get(a[diffs[0]], set())
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and a[diffs[0]] == b[diffs[1]]
        and a[diffs[1]] == b[diffs[0]]
    )


#: Segmentation costs: (unknown characters, typo matches, 2 × segments). A
#: wrong kanji conversion (the IME offered a homophone: 他要素認証 for 多要素認証)
#: is no typo match but costs two and a half words: one word with one kanji
#: replaced is a likelier reading than three or more known words that happen
#: to stand side by side (他 + 要素 + 認証), and less likely than two (印刷機 is
#: 印刷 + 機, not a slip of 印刷物).
#: A two-kanji word typed with one kanji as its sound in kana (さく除 for 削除)
#: costs one and a half words: likelier than the two words its kana and its
#: kanji could also be (変 + こう), since the kana is exactly that kanji's sound.
_UNKNOWN = (1, 0, 2)
_TYPO = (0, 1, 2)
_KEY = (0, 0, 2)
_CONVERSION = (0, 0, 5)
_MIXED = (0, 0, 3)
#: The kana of a mixed spelling: two or more hiragana (one kana is mostly a particle).
_MIXED_KANA = re.compile("[\u3041-\u3096]{2,}")


def conversion_slip(piece: str, key: str) -> bool:
    """True when ``key`` is the kanji compound ``piece`` with one kanji replaced.

    Only all-kanji stretches: the IME converts a compound as a whole, while a
    stretch with kana in it (課の人) is words and particles, not one word.
    """
    if len(piece) != len(key) or not all(is_kanji(ch) for ch in piece + key):
        return False
    return sum(a != b for a, b in zip(piece, key, strict=True)) == 1


def mixed_spelling(piece: str, key: str) -> bool:
    """True when ``piece`` is the two-kanji ``key`` with one kanji typed in kana
    (さく除, 変こう): the IME converted only part of the word, or the person did
    not know one kanji. Which kana may stand for the kanji is the query side's
    business (its sound in the word, readings.py); this only tells the shape."""
    if not is_kanji_pair(key):
        return False
    return (piece.endswith(key[1]) and _MIXED_KANA.fullmatch(piece[:-1]) is not None) or (
        piece.startswith(key[0]) and _MIXED_KANA.fullmatch(piece[1:]) is not None
    )


def _slip_cost(piece: str, key: str) -> tuple[int, int, int]:
    """What reading the typed ``piece`` as the lexicon word ``key`` costs."""
    if conversion_slip(piece, key):
        return _CONVERSION
    if mixed_spelling(piece, key):
        return _MIXED
    return _TYPO


def _add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def one_edit_apart(a: str, b: str) -> bool:
    """True when b is a with one character substituted, inserted, deleted, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


#: English word endings that ``another_form`` lets differ (inflections and a few
#: common derivations); "" is the bare word.
# fmt: off
ENDINGS = frozenset((
    "", "e", "s", "es", "ed", "d", "ing", "ings", "er", "ers", "y", "ies", "ied", "ly",
    "ment", "ments", "ion", "ions", "ation", "ations",
))
# fmt: on


def _ending(word: str, shared: int) -> str | None:
    """The ending of ``word`` after ``shared`` letters, a doubled consonant taken off."""
    ending = word[shared:]
    if ending in ENDINGS:
        return ending
    doubled = len(ending) > 1 and ending[0] == word[shared - 1] and ending[1:] in ENDINGS
    return ending[1:] if doubled else None


def another_form(typed: str, known: str) -> bool:
    """True when ``typed`` may be another form of the lexicon word ``known``.

    The index holds English words by stem, and the lexicon every form the pages
    use; a form no page uses (retiring, resetting) reaches the forms that share
    its first 4+ letters and differ only by an English ending (retire, reset),
    and so their stem, without a stemmer in the browser.
    """
    shared = 0
    while shared < min(len(typed), len(known)) and typed[shared] == known[shared]:
        shared += 1
    return (
        typed != known
        and shared >= 4
        and _ending(typed, shared) is not None
        and _ending(known, shared) is not None
    )


def near_latin_word(a: str, b: str) -> bool:
    """A lexicon word a typed Latin word not in the lexicon may stand for (4+ letters)."""
    return one_edit_apart(a, b) or another_form(a, b)


#: A negation in the words after a phrase's last content word (使えない, 入れなくなった,
#: 届きません): 「Teams が使えない」 is another situation than 「Teams は使えますか」.
_NEGATION = re.compile("ない|なく|なかっ|ません")
NEGATIVE, AFFIRMATIVE = "-", "+"


def spelled_letters(kana: str) -> list[str]:
    """Every way the folded ``kana`` spells Latin letters by their names (えむえふえ: mfa)."""
    ways: list[list[str]] = [[] for _ in range(len(kana))] + [[""]]
    for at in range(len(kana) - 1, -1, -1):
        for letter, names in LETTER_NAMES.items():
            for name in names:
                if kana.startswith(name, at):
                    ways[at] += [letter + rest for rest in ways[at + len(name)]]
    return ways[0]


def is_negative(tail: str) -> bool:
    """True when folded text from a phrase's last content word on is negated."""
    return _NEGATION.search(tail) is not None


class QueryAnalyzer:
    """Turns typed queries into lunr clauses with one language's analysis data."""

    def __init__(self, analysis: Mapping[str, Any]) -> None:
        self.boosts: dict[str, float] = dict(analysis["boosts"])
        self.fields: dict[str, list[str]] = {k: list(v) for k, v in analysis["fields"].items()}
        self.limits: dict[str, int] = dict(analysis["limits"])
        self.stop: frozenset[str] = frozenset(analysis["stopwords"])
        self.keys: dict[str, list[str]] = {}
        for key, terms in analysis["lexicon"]:
            self.keys[key] = list(terms)
        self.content_keys: list[str] = [
            key for key, terms in analysis["lexicon"] if terms and not self.is_stop(key, terms)
        ]
        for word in analysis["stopwords"]:
            self.keys.setdefault(word, [])
        self.max_len = max((len(key) for key in self.keys), default=1)
        self.synonyms: dict[str, list[tuple[str, str]]] = {
            term: [(other, kind) for other, kind in others] for term, others in analysis["synonyms"]
        }
        self.phrases: list[tuple[str, list[str], str]] = [
            (term, list(words), polarity) for term, words, polarity in analysis.get("phrases", ())
        ]
        # one kanji that stands for a verb or adjective (長 → 長い, 開 → 開ける)
        self.stem_kanji: frozenset[str] = frozenset(
            key
            for key, terms in self.keys.items()
            if len(key) == 1 and is_kanji(key) and terms and all(map(_HIRAGANA.search, terms))
        )
        self.kanji_readings: dict[str, frozenset[str]] = {
            kanji: frozenset(sounds) for kanji, sounds in analysis.get("kanjiReadings", ())
        }
        # two-kanji words by the kanji a homophone slip keeps, (slipped place,
        # kept kanji) → [(word, the slipped kanji's sounds in the word)]
        self.kanji_pairs: dict[tuple[int, str], list[tuple[str, frozenset[str]]]] = {}
        for word, first, second in analysis.get("kanjiPairs", ()):
            self.kanji_pairs.setdefault((0, word[1]), []).append((word, frozenset(first)))
            self.kanji_pairs.setdefault((1, word[0]), []).append((word, frozenset(second)))
        self.typo_patterns: dict[str, str] = {}
        self.typo_keys: set[str] = set()
        for key in self.content_keys:
            if self._typo_candidate(key):
                self.typo_keys.add(key)
                has_kanji = any(is_kanji(ch) for ch in key)
                for p in range(len(key)):
                    rest = key[:p] + key[p + 1 :]
                    if has_kanji and not any(is_kanji(ch) for ch in rest):
                        continue  # its only kanji replaced: 辞める is no slip of 始める
                    self.typo_patterns.setdefault(key[:p] + "\0" + key[p + 1 :], key)
        # short kana words: small kana folded, and with one character missing
        self.kana_folded: dict[str, str] = {}
        self.kana_missing: dict[str, str] = {}
        self.kana_voiceless: dict[str, str] = {}
        for key in self.content_keys:
            if len(key) >= 3 and is_kana_word(key):
                self.kana_folded.setdefault(key.translate(SMALL_KANA), key)
                if key in self.keys[key]:
                    voiceless = key.translate(SMALL_KANA).translate(VOICELESS)
                    self.kana_voiceless.setdefault(voiceless, key)
                if len(key) >= 4:
                    for p in range(len(key)):
                        missing = (key[:p] + key[p + 1 :]).translate(SMALL_KANA)
                        self.kana_missing.setdefault(missing, key)

    @staticmethod
    def _typo_candidate(key: str) -> bool:
        """Japanese words that a one-character slip may reach: 3+ with a kanji, else 5+."""
        if not all(char_class(ch) == JA for ch in key):
            return False
        has_kanji = any(is_kanji(ch) for ch in key)
        return len(key) >= 3 if has_kanji else len(key) >= 5

    def is_stop(self, key: str, terms: list[str]) -> bool:
        return key in self.stop or (bool(terms) and all(term in self.stop for term in terms))

    def analyze(self, text: str) -> list[Clause]:
        """The lunr clauses for a typed query (empty when nothing is searchable)."""
        text = self._respell_words(drop_unconverted_letters(text))
        clauses = self._analyze(text, drop_stop=True)
        return clauses if clauses else self._analyze(text, drop_stop=False)

    # -- steps ---------------------------------------------------------------

    def _is_split_word(self, first: str, second: str) -> bool:
        if not any(
            script.fullmatch(first) and script.fullmatch(second)
            for script in (_LATIN_WORD, _KATAKANA_WORD)
        ):
            return False
        return self._is_content_key(normalize(first + second))

    def _is_content_key(self, key: str) -> bool:
        terms = self.keys.get(key)
        return bool(terms) and not self.is_stop(key, terms)

    def _respell_words(self, text: str) -> str:
        """``text`` with each word as the person meant it.

        First a name typed in two parts (one drive, パス ワード, パス・ワード)
        becomes one word: two whole Latin words, or two katakana words, apart by
        a space or a middle dot, join when their concatenation is a content word
        of the lexicon, and a joined word joins nothing more. Then each word is
        respelt (``_respelt``).
        """
        parts = _SEPARATORS.split(text)  # word, separator, word, ..., word
        out = [parts[0]]
        joined = False
        for space, word in zip(parts[1::2], parts[2::2], strict=True):
            if not joined and self._is_split_word(out[-1], word):
                out[-1] += word
                joined = True
            else:
                out += [space, word]
                joined = False
        out[::2] = [self._respelt(word) for word in out[::2]]
        return "".join(out)

    def _respelt(self, word: str) -> str:
        """A contraction without its apostrophe (wont → won't), or a kana word that
        spells an acronym of the pages by the names of its letters (えむえふえー →
        mfa); any other word as typed, and a kana word of the lexicon too."""
        folded = normalize(word)
        if folded in APOSTROPHE_LESS:
            return APOSTROPHE_LESS[folded]
        if not _KANA_WORD.fullmatch(word) or folded in self.keys:
            return word
        if len(folded) > MAX_SPELLED_KANA:
            return word
        found = sorted(
            letters
            for letters in spelled_letters(folded)
            if len(letters) >= 2 and self._is_content_key(letters)
        )
        return found[0] if found else word

    def _analyze(self, text: str, drop_stop: bool) -> list[Clause]:
        chars = normalize(text)
        typing = bool(text) and text[-1] not in END_SPACES
        runs = katakana_runs(text)
        tail = self._find_tail(chars, runs) if typing else len(chars)
        # a verb typed whole (開けない) is its words too, besides what it may begin
        whole = len(chars) if self._is_inflected(chars, tail, runs) else tail
        out: _Clauses = _Clauses(self.boosts)
        segments = self._segment(chars[:whole], runs)
        for segment in segments:
            self._segment_clauses(segment, drop_stop, out)
        self._phrase_clauses(segments, out)
        if tail < len(chars):
            for key in self._completions(chars[tail:]):
                for term in self.keys[key]:
                    out.add(term, "prefix")
                    for other, _relation in self.synonyms.get(term, []):
                        out.add(other, "prefix")
        return out.items

    def _phrase_clauses(self, segments: list[tuple[str, str]], out: _Clauses) -> None:
        """Everyday expressions typed in another inflection: their paraphrases too.

        画面が止まって has the words of 画面が止まった (画面, 止まる) side by side,
        particles and question words aside, and the same polarity (a negation
        after the last word or not): it means the same situation. The first
        word must be typed with its term's first character (the browser has
        the phrase from that character's lexicon shard).
        """
        words: list[list[str]] = []
        tails: list[str] = []  # each word's text up to the next word: its polarity
        for kind, value in segments:
            terms = self.keys[value] if kind in ("key", "typo") else [value]
            if kind in ("key", "typo") and (not terms or self.is_stop(value, terms)):
                if tails:
                    tails[-1] += value
                continue
            words.append(terms)
            tails.append(value)
        polarity = [NEGATIVE if is_negative(tail) else AFFIRMATIVE for tail in tails]
        for term, phrase, sign in self.phrases:
            size = len(phrase)
            if any(
                polarity[start + size - 1] == sign
                and phrase[0][0] in tails[start]  # its shard is loaded (shards.py)
                and all(phrase[i] in words[start + i] for i in range(size))
                for start in range(len(words) - size + 1)
            ):
                out.add(term, "word")  # as if typed as written: one word of the query
                for other, relation in self.synonyms.get(term, []):
                    out.add(other, relation)

    def _find_tail(self, chars: str, runs: list[tuple[int, int]]) -> int:
        """Where the half-typed last word begins (``len(chars)`` when there is none).

        Like a Latin word, a typed katakana stretch is not half-typed from its
        middle: アウトルツク is a slip of アウトルック, not アウトル + つく(えの).
        Nor are kana half-typed that spell a kanji of the word before them
        (変こう is 変更, not 変 + こう(ざ)).
        """
        n = len(chars)
        for start in range(max(0, n - self.max_len + 1), n):
            first = char_class(chars[start])
            if first == SEP:
                continue
            if start > 0 and first == ALNUM and char_class(chars[start - 1]) == ALNUM:
                continue
            if any(begin < start < end for begin, end in runs):
                continue
            if start > 0 and self._mixed_key(chars[start - 1 :]) is not None:
                continue
            suffix = chars[start:]
            if suffix in self.keys:
                return n
            if len(suffix) < 2:
                continue
            if any(key != suffix and key.startswith(suffix) for key in self.content_keys):
                return start
        return n

    def _is_inflected(self, chars: str, start: int, runs: list[tuple[int, int]]) -> bool:
        """True when ``chars[start:]`` is a verb or adjective written with a kanji,
        then its kana ending: typed whole (開けない is 開け + ない), though it may
        also begin a longer entry (開けない添付…). A noun and a particle (庁外の人と,
        電子メールが: no katakana in the verb) is not."""
        word = chars[start:]
        for cut in range(1, len(word)):
            head, ending = word[:cut], word[cut:]
            terms = self.keys.get(ending)
            if terms is None or (terms and not self.is_stop(ending, terms)):
                continue
            if any(begin < start + cut and start < end for begin, end in runs):
                continue
            if is_kana_word(ending) and any(map(is_kanji, head)) and self._is_verb_key(head):
                return True
        return False

    def _is_verb_key(self, key: str) -> bool:
        """A content key that stands for a verb or adjective (its term ends in kana: 開ける)."""
        return self._is_content_key(key) and any(is_kana_word(term[-1]) for term in self.keys[key])

    def _completions(self, prefix: str) -> list[str]:
        """The shortest lexicon words that begin with ``prefix``, without the phrases built on them.

        A longer entry that contains the words of a shorter completion (会議室予約
        after 会議室, パスワードを忘れた after パスワード: a synonym or paraphrase
        expression) adds words the person has not typed yet, and its paraphrases.
        """
        found = [key for key in self.content_keys if key != prefix and key.startswith(prefix)]
        ranked = sorted(enumerate(found), key=lambda item: (len(item[1]), item[0]))
        chosen: list[str] = []
        words: set[str] = set()
        for _, key in ranked:
            if len(chosen) == self.limits["prefixKeys"]:
                break
            terms = self.keys[key]
            if len(terms) > 1 and words.intersection(terms):
                continue
            chosen.append(key)
            words.update(terms)
        return chosen

    def _typo_key(self, piece: str, whole: bool = True) -> str | None:
        """The lexicon word ``piece`` is a slip of, if any; ``whole``: the piece is
        no part of a longer typed katakana stretch (デザイン is no ザイン → サイン)."""
        if piece in self.keys:
            return None
        if len(piece) == 2:
            return self._homophone_key(piece)
        mixed = self._mixed_key(piece)
        if mixed is not None:
            return mixed
        for p in range(len(piece)):
            key = self.typo_patterns.get(piece[:p] + "\0" + piece[p + 1 :])
            # a kanji slips to another kanji, kana to kana: 電話じ is no slip of 電話機
            if key is not None and is_kanji(piece[p]) == is_kanji(key[p]):
                return key
        for p in range(len(piece) - 1):  # two neighbours swapped: へるぷでくす
            swapped = piece[:p] + piece[p + 1] + piece[p] + piece[p + 2 :]
            if swapped in self.typo_keys:
                return swapped
        if is_kana_word(piece):
            return self._kana_slip(piece.translate(SMALL_KANA), whole)
        return None

    def _homophone_key(self, piece: str) -> str | None:
        """The two-kanji word ``piece`` sounds like: one kanji kept, the other typed
        with a kanji that has the sound it has in the word (readings.py).

        The IME and voice input convert by sound, so a wrong conversion is a
        homophone (印冊 for 印刷, 内戦 for 内線; not 通報 for 同報). A stretch of
        two kanji is too short for the one-kanji slip of longer words (any
        kanji for any): the sound keeps it to the slips people make.
        """
        if not is_kanji_pair(piece):
            return None
        for place in (1, 0):
            heard = self.kanji_readings.get(piece[place], frozenset())
            for word, sounds in self.kanji_pairs.get((place, piece[1 - place]), ()):
                if heard & sounds:
                    return word
        return None

    def _mixed_key(self, piece: str) -> str | None:
        """The two-kanji word ``piece`` spells with one kanji typed as the sound it
        has in that word (さく除 → 削除, 変こう → 変更, しょう認 → 承認)."""
        for kept, kana, place in ((piece[-1], piece[:-1], 0), (piece[0], piece[1:], 1)):
            if is_kanji(kept) and _MIXED_KANA.fullmatch(kana):
                for word, sounds in self.kanji_pairs.get((place, kept), ()):
                    if kana in sounds:
                        return word
        return None

    def _romaji_segments(self, word: str) -> list[tuple[str, str]]:
        """The words the Latin ``word`` types in romaji (3+ kana), as kana typing gives them.

        Either one lexicon word (rokku: ろっく) or a word of 3+ kana followed
        only by stop words and single kana, its ending: wasureta is わすれ + た,
        as わすれた typed in kana (mouse is no もう + せ). Empty when it is no
        such romaji.
        """
        for kana in romaji_readings(word):
            if len(kana) < MIN_ROMAJI_KANA:
                continue
            key = normalize(kana)
            terms = self.keys.get(key)
            if terms and not self.is_stop(key, terms):
                return [("key", key)]
            segments = self._segment(key, [])
            first, tail = segments[0][1], segments[1:]
            if (
                segments[0][0] == "key"
                and len(first) >= MIN_ROMAJI_KANA
                and not self.is_stop(first, self.keys[first])
                and all(kind == "key" and (len(v) == 1 or v in self.stop) for kind, v in tail)
            ):
                return segments
        return []

    def _kana_slip(self, folded: str, whole: bool = True) -> str | None:
        """A kana word the (small-kana folded) stretch equals, after one slip at most:
        two neighbours swapped, one character missing, or voicing marks missing
        (only a kana word of the pages itself, not the reading of a kanji word,
        and only for a ``whole`` stretch)."""
        key = self.kana_folded.get(folded)
        if key is not None:
            return key
        for p in range(len(folded) - 1):
            swapped = folded[:p] + folded[p + 1] + folded[p] + folded[p + 2 :]
            key = self.kana_folded.get(swapped)
            if key is not None:
                return key
        key = self.kana_missing.get(folded)
        if key is not None or not whole:
            return key
        return self.kana_voiceless.get(folded.translate(VOICELESS))

    def _segment(self, chars: str, runs: list[tuple[int, int]]) -> list[tuple[str, str]]:
        """Cheapest cover of ``chars``: ("key"|"typo", word) and ("ja"|"alnum", unknown run).

        A word neither begins nor ends inside a katakana stretch (``runs``),
        unless it lies inside it with 2+ characters and is no stop word: a
        stretch typed in katakana is one or more loanwords, so 送信したメール is
        送信/し/た/メール, not し/ため/る, and an unknown ビデオ or マニュアル stays
        one unknown run, not び/で/お or マニュ/アル.
        """
        n = len(chars)
        classes = [char_class(ch) for ch in chars]
        run_at = [-1] * n
        for number, (start, end) in enumerate(runs):
            run_at[start : min(end, n)] = [number] * (min(end, n) - start)

        def cuts(at: int) -> bool:
            return 0 < at < n and run_at[at - 1] == run_at[at] >= 0

        def in_compound(i: int, j: int) -> bool:
            return (i > 0 and is_kanji(chars[i - 1])) or (j < n and is_kanji(chars[j]))

        def fits(i: int, j: int) -> bool:
            if not cuts(i) and not cuts(j):
                return True
            inside = run_at[i] == run_at[j - 1] >= 0
            return inside and j - i >= 2 and chars[i:j] not in self.stop

        best: list[tuple[int, int, int]] = [(0, 0, 0)] * (n + 1)
        step: list[tuple[str, int, str]] = [("end", n, "")] * (n + 1)
        for i in range(n - 1, -1, -1):
            if classes[i] == SEP:
                best[i], step[i] = best[i + 1], ("sep", i + 1, "")
                continue
            cost = _add(best[i + 1], _UNKNOWN)
            choice = ("unknown", i + 1, chars[i])
            options: list[tuple[tuple[int, int, int], tuple[str, int, str]]] = []
            if not (i > 0 and classes[i] == ALNUM and classes[i - 1] == ALNUM):
                for length in range(min(self.max_len, n - i), 0, -1):
                    j = i + length
                    if j < n and classes[j] == ALNUM and classes[j - 1] == ALNUM:
                        continue
                    piece = chars[i:j]
                    if piece in self.stem_kanji and in_compound(i, j):
                        continue  # 区長 is no 区 + 長い
                    if piece in self.keys and fits(i, j):
                        options.append((_add(best[j], _KEY), ("key", j, piece)))
                for length in range(min(self.max_len, n - i), 1, -1):
                    j = i + length
                    if any(cls != JA for cls in classes[i:j]) or not fits(i, j):
                        continue
                    key = self._typo_key(chars[i:j], not cuts(i) and not cuts(j))
                    if key is not None:
                        slip = _slip_cost(chars[i:j], key)
                        options.append((_add(best[j], slip), ("typo", j, key)))
            options.append((cost, choice))
            best[i], step[i] = options[0]
            for option_cost, option in options[1:]:
                if option_cost < best[i]:
                    best[i], step[i] = option_cost, option
        segments: list[tuple[str, str]] = []
        run, run_class, i = "", SEP, 0
        while i < n:
            kind, j, value = step[i]
            if kind == "unknown" and classes[i] == run_class:
                run += value
            else:
                if run:
                    segments.append(("alnum" if run_class == ALNUM else "ja", run))
                run, run_class = "", SEP
                if kind == "unknown":
                    run, run_class = value, classes[i]
                elif kind in ("key", "typo"):
                    segments.append((kind, value))
            i = j
        if run:
            segments.append(("alnum" if run_class == ALNUM else "ja", run))
        return segments

    def _segment_clauses(self, segment: tuple[str, str], drop_stop: bool, out: _Clauses) -> None:
        kind, value = segment
        if kind in ("key", "typo"):
            terms = self.keys[value]
            if drop_stop and self.is_stop(value, terms):
                return
            if len(value) == 1 and char_class(value) == JA and not is_kanji(value):
                return
            if not terms and value in self.stop:
                terms = bigrams(value)  # a stop word kept because nothing else was typed
                for gram in terms:
                    out.add(gram, "ngram")
                return
            for term in terms:
                out.add(term, "word" if kind == "key" else "typo")
                for other, relation in self.synonyms.get(term, []):
                    out.add(other, relation if kind == "key" else "typo")
        elif kind == "ja":
            for gram in bigrams(value):
                out.add(gram, "ngram")
        else:
            out.add(value, "word")
            romaji = self._romaji_segments(value)
            for segment in romaji:  # typed with the IME off: rokku is the word ろっく
                self._segment_clauses(segment, drop_stop, out)
            if romaji:
                return
            if len(value) >= 3:
                close = near_latin_word if len(value) >= 4 else acronym_slip
                near = [
                    key
                    for key in self.content_keys
                    if all(char_class(ch) != JA for ch in key) and close(value, key)
                ]
                for key in near[: self.limits["typoKeys"]]:
                    for term in self.keys[key]:
                        out.add(term, "typo")
                        for other, _relation in self.synonyms.get(term, []):
                            out.add(other, "typo")


class _Clauses:
    """Ordered clauses, one per (field group, term), keeping the highest boost."""

    def __init__(self, boosts: Mapping[str, float]) -> None:
        self.boosts = boosts
        self.items: list[Clause] = []
        self._where: dict[str, int] = {}

    def add(self, term: str, kind: str) -> None:
        boost = self.boosts[kind]
        slot = ("n:" if kind == "ngram" else "w:") + term
        if slot in self._where:
            clause = self.items[self._where[slot]]
            if boost > clause["boost"]:
                clause["kind"], clause["boost"] = kind, boost
            return
        self._where[slot] = len(self.items)
        self.items.append({"term": term, "kind": kind, "boost": boost})


def search(index: Any, analyzer: QueryAnalyzer, text: str) -> list[tuple[str, float]]:
    """Run a typed query on a loaded lunr.py index: [(ref, score)], best first."""
    clauses = analyzer.analyze(text)
    if not clauses:
        return []
    query = index.create_query()
    for clause in clauses:
        query.term(
            clause["term"],
            fields=analyzer.fields[clause["kind"]],
            boost=clause["boost"],
            use_pipeline=False,
        )
    return [(result["ref"], result["score"]) for result in index.query(query)]
