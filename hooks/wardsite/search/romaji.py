"""Romaji typed with the Japanese input mode off (rokku kaijo → ろっく かいじょ).

A staff member who forgets to switch the IME on types the romaji keystrokes of
the kana they meant. The query side reads such a Latin word as its kana when
that kana is a word of the pages, or such a word with its ending (query.py).
A doubled vowel may stand for the long vowel a loanword has (pasuwaado:
パスワード, ``romaji_readings``). ``analysis.js`` has the same table and rules
(``romajiToKana``, ``romajiReadings``); the shared vectors prove they agree.

Written here rather than taken from a library because the browser needs the
identical rules in a few lines of JavaScript, and only the IME's usual
keystrokes are wanted (Hepburn and kunrei spellings, ``nn`` and a doubled
consonant for っ), not every transliteration scheme.
"""

from __future__ import annotations

_VOWELS = "aiueo"
_ROWS = {
    "": "あいうえお",
    "k": "かきくけこ",
    "s": "さしすせそ",
    "t": "たちつてと",
    "n": "なにぬねの",
    "h": "はひふへほ",
    "m": "まみむめも",
    "y": "や\0ゆ\0よ",
    "r": "らりるれろ",
    "w": "わ\0\0\0を",
    "g": "がぎぐげご",
    "z": "ざじずぜぞ",
    "d": "だぢづでど",
    "b": "ばびぶべぼ",
    "p": "ぱぴぷぺぽ",
}
#: Syllables with a small ゃゅょ after their first kana (kya, sha, cho ...).
_GLIDES = {
    "ky": "き", "sh": "し", "sy": "し", "ch": "ち", "cy": "ち", "ty": "ち", "ny": "に",
    "hy": "ひ", "my": "み", "ry": "り", "gy": "ぎ", "j": "じ", "jy": "じ", "zy": "じ",
    "by": "び", "py": "ぴ", "dy": "ぢ",
}  # fmt: skip
_SMALL = {"a": "ゃ", "u": "ゅ", "o": "ょ"}
_OTHERS = {
    "shi": "し", "chi": "ち", "tsu": "つ", "fu": "ふ", "ji": "じ",
    "fa": "ふぁ", "fi": "ふぃ", "fe": "ふぇ", "fo": "ふぉ",
}  # fmt: skip


def _syllables() -> dict[str, str]:
    table: dict[str, str] = {}
    for consonant, kana in _ROWS.items():
        for vowel, ch in zip(_VOWELS, kana, strict=True):
            if ch != "\0":
                table[consonant + vowel] = ch
    for start, first in _GLIDES.items():
        for vowel, small in _SMALL.items():
            table[start + vowel] = first + small
    table.update(_OTHERS)
    return table


SYLLABLES = _syllables()
_LONGEST = max(map(len, SYLLABLES))


def romaji_to_kana(word: str) -> str | None:
    """The hiragana ``word`` (lower-case letters) types with the IME on, or None.

    None when any letter is left over: an English word (teams, print) seldom
    spells kana all through, and one that does still has to be a word of the
    pages to be used.
    """
    out: list[str] = []
    at = 0
    while at < len(word):
        rest = word[at:]
        if rest.startswith("n'") or rest.startswith("nn"):
            out.append("ん")
            # konnichiha: ん then に; konnya or shinn: nn alone is ん
            at += 1 if rest[:2] == "nn" and rest[2:3] and rest[2] in _VOWELS + "y" else 2
            continue
        if rest[0] == "n" and (len(rest) == 1 or rest[1] not in _VOWELS + "y"):
            out.append("ん")
            at += 1
            continue
        if len(rest) > 1 and rest[0] == rest[1] and rest[0] not in _VOWELS + "n":
            out.append("っ")  # a doubled consonant: rokku
            at += 1
            continue
        for size in range(min(_LONGEST, len(rest)), 0, -1):
            kana = SYLLABLES.get(rest[:size])
            if kana is not None:
                out.append(kana)
                at += size
                break
        else:
            return None
    return "".join(out)


def romaji_readings(word: str) -> list[str]:
    """The kana ``word`` may stand for: as typed, then with doubled vowels single.

    Staff who type a loanword's long vowel as a doubled letter (pasuwaado for
    パスワード) mean the long vowel, which the folded keys leave out (ぱすわど);
    ookii is still おおきい first. Empty when ``word`` is no romaji.
    """
    readings: list[str] = []
    for spelling in (word, _single_vowels(word)):
        kana = romaji_to_kana(spelling)
        if kana is not None and kana not in readings:
            readings.append(kana)
    return readings


def _single_vowels(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if not (out and ch in _VOWELS and out[-1] == ch):
            out.append(ch)
    return "".join(out)
