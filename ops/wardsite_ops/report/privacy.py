"""Masking of personal-looking text in search queries.

The same rules as ``maskQuery`` in overrides/assets/javascripts/beacon.js:
the browser masks before sending, and the report masks again, so that a
query sent by anything else never shows an e-mail address or a number.
"""

from __future__ import annotations

import re
import unicodedata

EMAIL_MASK = "[メール]"
NUMBER_MASK = "[番号]"
MAX_QUERY = 100

_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
#: 5 or more digits, possibly with hyphens, dots or brackets between them (phone
#: numbers 03-1234-5678, staff numbers 1234567); years (2026) and extensions stay.
_NUMBER = re.compile(r"\d(?:[\-‐‑–—−ー().]*\d){4,}")
#: 10 or more digits with spaces too (090 1234 5678), but not "windows 11 2026".
_SPACED_NUMBER = re.compile(r"\d(?:[\s\-‐‑–—−ー().]*\d){9,}")


def normalize_query(text: str) -> str:
    """NFKC, lower case, single spaces, at most MAX_QUERY characters (as beacon.js)."""
    value = unicodedata.normalize("NFKC", text).lower()
    return " ".join(value.split())[:MAX_QUERY]


def mask_query(text: str) -> str:
    text = _EMAIL.sub(EMAIL_MASK, text)
    return _NUMBER.sub(NUMBER_MASK, _SPACED_NUMBER.sub(NUMBER_MASK, text))
