"""The recorded training sessions as plain data: tracks, levels, sessions, times."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

#: Levels a session may have, in display order (WRITING.md: 第1〜8回 基礎, 第9〜15回 応用).
LEVELS: tuple[str, ...] = ("基礎", "応用")

#: Tracks: the id used in file names and URLs → the name staff read.
TRACKS: dict[str, str] = {
    "hands-on": "操作研修",
    "dx-mindset": "DXマインド研修（管理職向け）",
}

#: Status labels shown in the catalogue.
STATUS_RECORDED = "録画あり"
STATUS_PREPARING = "準備中"


@dataclass(frozen=True)
class Chapter:
    """A named point in the recording."""

    start: float  # seconds from the start of the video
    title: str


@dataclass(frozen=True)
class Cue:
    """One caption cue, already cleaned: plain text, no tags, no entities."""

    id: str
    start: float
    end: float
    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Material:
    """A file staff can download (slides PDF and the like)."""

    title: str
    href: str  # repo-relative path (served by the site) or an absolute http(s) URL


@dataclass(frozen=True)
class Recording:
    """Where the recording and its captions live, and how long it is."""

    video: str  # repo-relative path or absolute URL on the media server
    captions: str  # repo-relative path (captions always stay in git: the transcript needs them)
    duration: float  # seconds, measured by ffprobe when published
    poster: str | None = None
    sample: bool = False  # a generated sample clip, not a real training recording
    cues: tuple[Cue, ...] = ()


@dataclass(frozen=True)
class Session:
    """One training session as the metadata file describes it."""

    track: str
    number: int
    title: str
    level: str
    date: date | None
    length_minutes: int
    trainer: str
    goals: tuple[str, ...]
    prerequisites: tuple[str, ...] = ()
    materials: tuple[Material, ...] = ()
    recording: Recording | None = None
    chapters: tuple[Chapter, ...] = ()
    source: str = ""  # the metadata file this came from, for messages
    description: str = ""

    @property
    def key(self) -> str:
        """Stable id used in file names, URLs and HTML ids, e.g. ``hands-on-07``."""
        return session_key(self.track, self.number)

    @property
    def track_name(self) -> str:
        return TRACKS.get(self.track, self.track)

    @property
    def display_title(self) -> str:
        """``第7回 テレワークの始め方``; other tracks say which (``DXマインド研修 第1回 …``)."""
        prefix = "" if self.track == "hands-on" else "DXマインド研修 "
        return f"{prefix}第{self.number}回 {self.title}"

    @property
    def status(self) -> str:
        return STATUS_RECORDED if self.recording is not None else STATUS_PREPARING


def session_key(track: str, number: int) -> str:
    return f"{track}-{number:02d}"


_TIME = re.compile(r"^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$")


def parse_time(value: object) -> float:
    """Read ``SS``, ``MM:SS``, ``H:MM:SS`` (fractions allowed) or a number of seconds.

    Raises ValueError for anything else. YAML reads an unquoted ``1:30`` as the
    number 90 (sexagesimal in YAML 1.1), which is also accepted as seconds.
    """
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if value < 0:
            raise ValueError(value)
        return float(value)
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    match = _TIME.match(text)
    if not match:
        raise ValueError(value)
    hours, minutes, seconds = match.groups()
    if hours is not None and int(minutes) >= 60:
        raise ValueError(value)
    if float(seconds) >= 60:
        raise ValueError(value)
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)


def fragment_time(seconds: float) -> str:
    """The ``#t=`` value of a link: ``MM:SS``, minutes past 59 allowed (``75:10``)."""
    whole = int(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def display_time(seconds: float) -> str:
    """Time as people read it: ``03:07`` or ``1:15:10``."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{rest // 60:02d}:{rest % 60:02d}"
