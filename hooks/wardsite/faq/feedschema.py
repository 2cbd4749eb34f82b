"""Check each page of our JSON FAQ feed against ``schemas/faq-feed.schema.json``.

The schema is what a vendor builds against; the adapter (``sources/jsonfeed.py``)
reads only what this check let through, so the two cannot drift apart. A page
whose frame is wrong (``version``, ``entries``, ``next``) is refused as a whole;
an entry or category that breaks the schema is left out with a warning naming
it, like any other bad helpdesk entry, so one typo does not hide the whole FAQ.
Messages are Japanese: where in the page, what is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "schemas" / "faq-feed.schema.json"

_TYPES = {
    "string": "文字",
    "integer": "整数",
    "number": "数",
    "array": "一覧（配列）",
    "object": "オブジェクト",
    "null": "null",
    "boolean": "true/false",
}


@dataclass
class PageCheck:
    """What the schema says about one page: problems of the frame, and items to leave out."""

    frame: list[str] = field(default_factory=list)
    #: (list name, index) → the first problem of that entry or category
    items: dict[tuple[str, int], str] = field(default_factory=dict)


@cache
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def check_page(page: Any) -> PageCheck:
    """Every schema problem of one feed page, sorted into frame and item problems."""
    out = PageCheck()
    for error in _errors(page):
        path = list(error.absolute_path)
        if len(path) >= 2 and path[0] in ("entries", "categories") and isinstance(path[1], int):
            out.items.setdefault((str(path[0]), path[1]), describe(error))
        else:
            out.frame.append(describe(error))
    return out


def _errors(page: Any) -> Iterator[ValidationError]:
    return iter(sorted(validator().iter_errors(page), key=lambda e: list(map(str, e.path))))


def where(path: list[Any]) -> str:
    """``["entries", 3, "tags", 0]`` → ``entries の4番目の tags の1番目``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f" の{part + 1}番目"
        else:
            out += ("の " if out else "") + str(part)
    return out or "ページ全体"


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "…"


def describe(error: ValidationError) -> str:
    """One schema problem in Japanese: where, and what the schema expects."""
    place = where(list(error.absolute_path))
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = next((n for n in expected if isinstance(value, dict) and n not in value), "")
        return f"{place} に {missing} がありません（必須の項目です）。"
    if kind == "type":
        names = expected if isinstance(expected, list) else [expected]
        wanted = "か".join(_TYPES.get(n, n) for n in names)
        return f"{place} は{wanted}で書きます（今の値：{_shown(value)}）。"
    if kind == "const":
        return f"{place} は {_shown(expected)} にします（今の値：{_shown(value)}）。"
    if kind == "enum":
        choices = "・".join(map(str, expected))
        return f"{place} は {choices} のどれかにします（今の値：{_shown(value)}）。"
    if kind == "pattern":
        return f"{place} の「{_shown(value)}」は使えない形です（決まり：{expected}）。"
    if kind == "maxLength":
        return f"{place} が長すぎます（{expected}文字まで）。"
    if kind == "minLength":
        return f"{place} が空です。"
    if kind == "maxItems":
        return f"{place} の数が多すぎます（{expected}個まで）。"
    return f"{place} が決まり（{kind}: {_shown(expected)}）に合いません。"
