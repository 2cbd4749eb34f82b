"""The fields of one ``sessions/*.yml`` as a typed SessionFile (pydantic), Japanese errors.

This checks what can be checked from the file alone: which fields exist, their
types and allowed values. What needs the disk (materials, the recording and
its captions, chapters against the video's length) is checked afterwards in
``metadata``, with the path-safety rules of ``paths``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from wardsite.errors import SiteInputError
from wardsite.sessions.model import LEVELS, TRACKS
from wardsite.validation import problem, site_errors

FIELD_HELP = {
    "track": "hands-on（操作研修）か dx-mindset（DXマインド研修）を書いてください。",
    "number": "回の番号を数字で書いてください（例: 7）。",
    "title": "研修の題名を書いてください。",
    "level": f"{' か '.join(LEVELS)} を書いてください。",
    "date": "実施日を 2026-06-12 の形で書いてください。",
    "length": "研修の長さを分で書いてください（例: 60）。",
    "trainer": "講師を役職・係の名前で書いてください（個人名は書きません）。",
    "goals": "学習の目標を「- 」で始まる行で1つ以上書いてください。",
}
REQUIRED = tuple(FIELD_HELP)
OPTIONAL = ("prerequisites", "description", "materials", "recording", "chapters")
KNOWN = (*REQUIRED, *OPTIONAL)


def _required(name: str, check: Any) -> Any:
    """A required field: empty or missing is one message; otherwise ``check(value)``."""

    def run(value: Any) -> Any:
        if value is None or (isinstance(value, str | list) and not value):
            raise problem("が書かれていません（必須の項目です）。", FIELD_HELP[name])
        return check(value)

    return BeforeValidator(run)


def _choice(allowed: Any, what: str, name: str) -> Any:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise problem(f"の「{value}」は{what}です。", FIELD_HELP[name])
        return value

    return check


def _whole(what: str, name: str) -> Any:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise problem(f"の「{value}」は{what}。", FIELD_HELP[name])
        return value

    return check


def _date(value: Any) -> dt.date:
    if not isinstance(value, dt.date):
        raise problem(f"の「{value}」は日付として読めません。", FIELD_HELP["date"])
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise problem("は文字で書いてください。", '値を "…" で囲んでください。')
    return value.strip()


def _lines(fix: str) -> Any:
    """One line of text or a list of them → a tuple of stripped lines."""

    def check(value: Any) -> tuple[str, ...]:
        if isinstance(value, str) and value.strip():
            return (value.strip(),)
        if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            return tuple(v.strip() for v in value)
        raise problem("の形が正しくありません。", fix)

    return check


def _optional(check: Any) -> Any:
    return BeforeValidator(lambda value: () if not value else check(value))


class SessionFile(BaseModel):
    """One session's file, as written: ``materials``/``recording``/``chapters`` unchecked yet."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    track: Annotated[str, _required("track", _choice(TRACKS, "知らないコース", "track"))]
    number: Annotated[int, _required("number", _whole("回の番号として使えません", "number"))]
    title: Annotated[str, _required("title", _text)]
    level: Annotated[str, _required("level", _choice(LEVELS, "知らないレベル", "level"))]
    date: Annotated[dt.date, _required("date", _date)]
    length: Annotated[int, _required("length", _whole("分の数として読めません", "length"))]
    trainer: Annotated[str, _required("trainer", _text)]
    goals: Annotated[tuple[str, ...], _required("goals", _lines(FIELD_HELP["goals"]))]
    prerequisites: Annotated[
        tuple[str, ...], _optional(_lines("「- 」で始まる行で書いてください。"))
    ] = ()
    description: Annotated[str, BeforeValidator(lambda v: "" if v is None else _text(v))] = ""
    materials: Any = None
    recording: Any = None
    chapters: Any = None


def read_session_file(data: dict[str, Any], name: str) -> SessionFile | list[SiteInputError]:
    """The checked fields, or every problem found (each naming ``name`` and the field)."""
    try:
        return SessionFile.model_validate(data)
    except ValidationError as exc:
        return site_errors(exc, name, fixes=FIELD_HELP, known=KNOWN)
