"""One ``sessions/*.yml`` as a typed SessionFile (pydantic), with Japanese errors.

This checks what can be checked from the file alone, nested blocks included:
which fields exist, their types and allowed values, times. A wrong required
fact leaves the session out; a wrong material, chapter or recording block is
left out alone (``validation.lenient``), its problems reported beside the rest.
What needs the disk (the files named exist and stay inside the session's
folder, the video plays, the captions fit it, chapters within its length) is
checked afterwards in ``metadata``, with the path-safety rules of ``paths``.
The build and the trainers' publish command both read files with
:func:`read_session_file`, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    model_validator,
)

from wardsite.errors import SiteInputError
from wardsite.sessions.model import LEVELS, TRACKS, parse_time
from wardsite.validation import (
    LEFT_OUT,
    Item,
    left_out_context,
    lenient,
    lenient_items,
    problem,
    site_errors,
)

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

REPUBLISH = "publish コマンドで書き直してください。"
#: What to do, for the nested fields (list positions left out of the names).
NESTED_HELP = {
    "materials": "「- title: …」「  file: …」の形で書いてください。",
    "materials.title": "資料の名前を title: に書いてください。",
    "materials.file": "file: に資料の場所を書いてください。",
    "recording": REPUBLISH,
    "recording.video": "録画は publish コマンドで登録してください（字幕は必須です）。",
    "recording.captions": "録画は publish コマンドで登録してください（字幕は必須です）。",
    "recording.poster": "publish コマンドで書き直すか、poster の行を消してください。",
    "chapters": '「- time: "01:30"」「  title: …」の形で書いてください。',
    "chapters.time": '"01:30" のように分:秒で書いてください（" で囲みます）。',
    "chapters.title": "チャプターの名前を title: に書いてください。",
}
FIXES = {**FIELD_HELP, **NESTED_HELP}
#: The fields each block may have, for "unknown field" messages.
FIELDS = {
    "": KNOWN,
    "materials": ("title", "file", "url"),
    "recording": ("video", "captions", "poster", "duration", "sample"),
    "chapters": ("time", "title"),
}


def _required(name: str, check: Any) -> Any:
    """A required field: empty or missing is one message; otherwise ``check(value)``."""

    def run(value: Any) -> Any:
        if value is None or value == [] or (isinstance(value, str) and not value.strip()):
            raise problem("が書かれていません（必須の項目です）。", FIXES[name])
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


def _maybe_text(value: Any) -> str | None:
    return None if value is None else _text(value)


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


def _time(what: str, fix: str) -> Any:
    """Seconds from ``SS``, ``MM:SS``, ``H:MM:SS`` or a number (``model.parse_time``)."""

    def check(value: Any) -> float:
        try:
            return parse_time(value)
        except ValueError:
            raise problem(f"の「{value}」は{what}として読めません。", fix) from None

    return check


def _not_a_url(value: str) -> str:
    if is_url(value):
        raise problem(
            "は URL にできません（文字起こしを作るため、字幕はリポジトリに置きます）。", REPUBLISH
        )
    return value


def is_url(value: str) -> bool:
    """An absolute http(s) address (a media server), not a path in the repository."""
    return value.startswith(("http://", "https://"))


class _Block(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MaterialEntry(Item, _Block):
    """``- {title: …, file: media/sessions/<key>/slides.pdf}`` or ``url: https://…``."""

    title: Annotated[str, _required("materials.title", _text)]
    file: Annotated[str | None, BeforeValidator(_maybe_text)] = None
    url: Annotated[str | None, BeforeValidator(_maybe_text)] = None

    @model_validator(mode="after")
    def _has_a_place(self) -> MaterialEntry:
        if not (self.file or self.url):
            raise problem("に file（資料のファイル）がありません。", NESTED_HELP["materials.file"])
        return self

    @property
    def href(self) -> str:
        """Where the material is: a repo-relative path or an absolute URL."""
        return self.file or self.url or ""


class RecordingEntry(_Block):
    """What the publish command writes: video, captions, poster, length in seconds."""

    video: Annotated[str, _required("recording.video", _text)]
    captions: Annotated[str, _required("recording.captions", _text), AfterValidator(_not_a_url)]
    poster: Annotated[str | None, BeforeValidator(_maybe_text), lenient] = None
    duration: Annotated[
        float | None, BeforeValidator(lambda v: v if v is None else _time("秒数", REPUBLISH)(v))
    ] = None
    sample: bool = False  # a generated sample clip, not a real training recording


class ChapterEntry(Item, _Block):
    """``- {time: "01:30", title: はじめに}``."""

    time: Annotated[float, BeforeValidator(_time("時刻", NESTED_HELP["chapters.time"]))]
    title: Annotated[str, _required("chapters.title", _text)]


def _by_time(chapters: tuple[ChapterEntry, ...]) -> tuple[ChapterEntry, ...]:
    return tuple(sorted(chapters, key=lambda c: c.time))


Track = Annotated[str, _required("track", _choice(TRACKS, "知らないコース", "track"))]
Number = Annotated[int, _required("number", _whole("回の番号として使えません", "number"))]


class SessionFile(BaseModel):
    """One session's file, parsed once: the build and the publish command read its attributes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    track: Track
    number: Number
    title: Annotated[str, _required("title", _text)]
    level: Annotated[str, _required("level", _choice(LEVELS, "知らないレベル", "level"))]
    date: Annotated[dt.date, _required("date", _date)]
    length: Annotated[int, _required("length", _whole("分の数として読めません", "length"))]
    trainer: Annotated[str, _required("trainer", _text)]
    goals: Annotated[tuple[str, ...], _required("goals", _lines(FIELD_HELP["goals"]))]
    prerequisites: Annotated[
        tuple[str, ...], _optional(_lines("「- 」で始まる行で書いてください。"))
    ] = ()
    description: Annotated[str, BeforeValidator(lambda v: _maybe_text(v) or "")] = ""
    materials: Annotated[tuple[MaterialEntry, ...], lenient_items] = ()
    recording: Annotated[RecordingEntry | None, lenient] = None
    chapters: Annotated[tuple[ChapterEntry, ...], lenient_items, AfterValidator(_by_time)] = ()


class SessionId(BaseModel):
    """Only which session a file describes (``track``, ``number``), checked like SessionFile."""

    track: Track
    number: Number


def read_session_file(
    data: dict[str, Any], name: str
) -> tuple[SessionFile | None, list[SiteInputError]]:
    """The checked file (None when a required fact is wrong) and every problem found.

    Each problem names ``name`` and the field. A wrong material or chapter is
    left out of the result alone, a wrong recording block too.
    """
    context = left_out_context()
    try:
        checked: SessionFile | None = SessionFile.model_validate(data, context=context)
        errors = []
    except ValidationError as exc:
        checked, errors = None, exc.errors(include_url=False)
    return checked, site_errors([*errors, *context[LEFT_OUT]], name, fixes=FIXES, known=FIELDS)
