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
#: Explicit list (not ``\s``): Python and JavaScript disagree on a few characters.
_WHITESPACE = re.compile(
    "[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+"
)


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
