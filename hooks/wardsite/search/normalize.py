"""Character-level folding shared, rule for rule, with the browser.

Every rule here is mirrored in ``analysis.js`` (``normalize``). Keep them
simple enough to reproduce exactly: Unicode NFKC, lowercase, katakana to
hiragana, ヴ to ブ, small vowels to large ones, long-vowel marks removed.
The result is only for matching; it is never shown to readers.
"""

from __future__ import annotations

import re
import unicodedata

#: ヴァ/バ, ヴィ/ビ ...: both spellings of loanwords are common (バージョン/ヴァージョン).
_VU = (("ゔぁ", "ば"), ("ゔぃ", "び"), ("ゔぇ", "べ"), ("ゔぉ", "ぼ"), ("ゔ", "ぶ"))
#: ウィンドウ/ウインドウ, フォルダ/フオルダ: small vowels only; っゃゅょ stay.
_SMALL_VOWELS = str.maketrans("ぁぃぅぇぉゎ", "あいうえおわ")
#: A hyphen-like mark typed between kana stands for the long-vowel mark (ぱすわ-ど).
_KANA_HYPHEN = re.compile(r"(?<=[\u3041-\u309f])[\-\u2010-\u2015\u2500\u2501](?=[\u3041-\u309f])")
#: Katakana as typed (full and half width, with ー, ヽヾ and the small extension
#: kana), hyphen-like marks between them included: one stretch of loanwords.
_KATAKANA = r"[\u30a1-\u30fa\u30fc-\u30fe\u31f0-\u31ff\uff66-\uff9f]+"
_KATAKANA_RUN = re.compile(rf"{_KATAKANA}(?:[\-\u2010-\u2015\u2500\u2501]+{_KATAKANA})*")
#: Explicit list (not ``\s``): Python and JavaScript disagree on a few characters.
WHITESPACE = "[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+"
_WHITESPACE = re.compile(WHITESPACE)


#: Katakana ァ..ヶ and the marks ヽヾ → the hiragana 0x60 code points below them.
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in (*range(0x30A1, 0x30F7), 0x30FD, 0x30FE)}


def katakana_to_hiragana(text: str) -> str:
    """Map katakana ァ..ヶ and the marks ヽヾ to their hiragana code points."""
    return text.translate(_KATAKANA_TO_HIRAGANA)


def normalize(text: str) -> str:
    """Fold ``text`` for matching: width, case, kana, long vowels, spaces.

    >>> normalize("ﾊﾟｽﾜｰﾄﾞ")
    'ぱすわど'
    >>> normalize("ＯｎｅＤｒｉｖｅ")
    'onedrive'
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = katakana_to_hiragana(text)
    for old, new in _VU:
        text = text.replace(old, new)
    text = text.translate(_SMALL_VOWELS)
    text = _KANA_HYPHEN.sub("", text)
    text = text.replace("ー", "")
    return _WHITESPACE.sub(" ", text).strip(" ")


#: A consonant letter typed between kana: romaji input left unconverted (固まtった).
_UNCONVERTED = re.compile(
    "(?<=[\u3041-\u3096\u30a1-\u30fa\u30fc])"
    "[b-df-hj-np-tv-z\uff42-\uff44\uff46-\uff48\uff4a-\uff4e\uff50-\uff54\uff56-\uff5a]"
    "(?=[\u3041-\u3096\u30a1-\u30fa\u30fc])"
)


def drop_unconverted_letters(text: str) -> str:
    """Remove a lowercase consonant typed between two kana (固まtった → 固まった).

    Typing romaji, the IME turns ``katamatta`` into かたまった; one key too many
    or too few leaves a letter of the alphabet between kana. No Japanese or
    English word has a lone lowercase consonant there (an initial such as
    AさんとBさん is upper case), so the letter is a slip.
    """
    return _UNCONVERTED.sub("", text)


def katakana_runs(text: str) -> list[tuple[int, int]]:
    """Where the katakana stretches of ``text`` lie in ``normalize(text)``: [(start, end)].

    Folding writes katakana as hiragana (メール → める) and so hides a word
    boundary the person typed: loanwords are written in katakana, the
    particles and endings around them in hiragana (送信したメール). The query
    segmenter keeps each stretch whole, or in words of its own (query.py).
    """
    runs = []
    for match in _KATAKANA_RUN.finditer(text):
        start, end = (_folded_length(text[:at]) for at in match.span())
        if end > start:
            runs.append((start, end))
    return runs


def _folded_length(prefix: str) -> int:
    """How many characters ``prefix`` becomes at the start of its text's folded form.

    The letter after it keeps a trailing space, which the whole text keeps too.
    """
    return len(normalize(prefix + "a")) - 1
