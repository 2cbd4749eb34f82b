"""Load and validate ``sessions/*.yml``: one small YAML file per training session.

Every problem is collected (not just the first) as a SiteInputError naming the
file and the field, in Japanese, with what to do. The file itself is read
into a typed ``SessionFile`` (``sessionfile``); this module adds the checks
that need the disk. A session with a broken required field is left out; a
session whose recording is broken is kept as 「準備中」 (no recording); a wrong
material or chapter, or a chapter past the end of the video, is dropped alone.
The MkDocs hook logs the errors as warnings, so ``mkdocs build --strict`` fails.

File format (comments in the files themselves explain each field)::

    track: hands-on            # hands-on（操作研修）/ dx-mindset（DXマインド研修）
    number: 7
    title: テレワークの始め方
    level: 基礎                 # 基礎 / 応用
    date: 2026-06-12
    length: 60                 # 分
    trainer: 情報政策課 研修担当
    goals: [...]
    prerequisites: [...]       # 任意
    materials:                 # 任意
      - {title: スライド（PDF）, file: media/sessions/hands-on-07/slides.pdf}
    recording:                 # publish コマンドが書きます
      video: media/sessions/hands-on-07/video.mp4    # または https://… （メディアサーバー）
      captions: media/sessions/hands-on-07/captions.vtt
      poster: media/sessions/hands-on-07/poster.jpg
      duration: 3605.2         # 秒
    chapters:                  # 任意
      - {time: "01:30", title: はじめに}
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wardsite.errors import SiteInputError
from wardsite.oserrors import describe_os_error
from wardsite.sessions import captions as captions_mod
from wardsite.sessions import media
from wardsite.sessions.model import (
    TRACKS,
    Chapter,
    Material,
    Recording,
    Session,
    display_time,
    session_key,
)
from wardsite.sessions.paths import UnsafePathError, fix_hint, resolve_inside
from wardsite.sessions.sessionfile import (
    NESTED_HELP,
    REPUBLISH,
    ChapterEntry,
    MaterialEntry,
    RecordingEntry,
    is_url,
    read_session_file,
)
from wardsite.yamlfile import read_mapping


@dataclass(frozen=True)
class Catalogue:
    """What the loader found: valid sessions (sorted by track, number) and every problem."""

    sessions: tuple[Session, ...]
    errors: tuple[SiteInputError, ...]

    def by_track(self, track: str) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.track == track)


def load_sessions(
    folder: Path, root: Path | None = None, *, probe_videos: bool = True
) -> Catalogue:
    """Read every ``*.yml`` in ``folder`` (files starting with ``_`` are skipped).

    Paths inside the files are relative to ``root`` (the repository, by default
    the parent of ``folder``). With ``probe_videos`` each local video is opened
    with ffprobe when it is installed, which catches files that exist but are
    not playable.
    """
    root = root or folder.parent
    sessions: list[Session] = []
    errors: list[SiteInputError] = []
    seen: dict[tuple[str, int], str] = {}
    files = sorted(p for p in folder.glob("*.yml") if not p.name.startswith("_"))
    for path in files:
        name = _display(path, root)
        file_errors: list[SiteInputError] = []
        session = _load_one(path, name, root, file_errors, probe_videos)
        errors.extend(file_errors)
        if session is None:
            continue
        ident = (session.track, session.number)
        if ident in seen:
            errors.append(
                SiteInputError(
                    name,
                    "number",
                    f"の {session.number} は {seen[ident]} と重複しています"
                    f"（{session.track_name} 第{session.number}回が2つあります）。",
                    "どちらかの番号を直すか、古いほうのファイルを消してください。",
                )
            )
            continue
        seen[ident] = name
        sessions.append(session)
    sessions.sort(key=lambda s: (list(TRACKS).index(s.track), s.number))
    return Catalogue(tuple(sessions), tuple(errors))


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def read_yaml(path: Path, name: str) -> dict[str, Any]:
    """The file as a mapping, or SiteInputError."""
    return read_mapping(path, name, "ほかの回のファイルと同じ形で書いてください。")


def _load_one(
    path: Path, name: str, root: Path, errors: list[SiteInputError], probe_videos: bool
) -> Session | None:
    try:
        data = read_yaml(path, name)
    except SiteInputError as exc:
        errors.append(exc)
        return None
    checked, problems = read_session_file(data, name)
    errors.extend(problems)
    if checked is None:
        return None  # required facts are wrong: leave the session out entirely

    def bad(field: str, problem: str, fix: str) -> None:
        errors.append(SiteInputError(name, field, problem, fix))

    key = session_key(checked.track, checked.number)
    materials, material_errors = check_materials(checked.materials, root, key, name)
    errors.extend(material_errors)
    recording = None
    if checked.recording is not None:
        recording = _recording(checked.recording, root, key, name, bad, errors, probe_videos)
    chapters, chapter_errors = check_chapters(
        checked.chapters, recording.duration if recording else None, name
    )
    errors.extend(chapter_errors)
    return Session(
        track=checked.track,
        number=checked.number,
        title=checked.title,
        level=checked.level,
        date=checked.date,
        length_minutes=checked.length,
        trainer=checked.trainer,
        goals=checked.goals,
        prerequisites=checked.prerequisites,
        materials=materials,
        recording=recording,
        chapters=chapters,
        source=name,
        description=checked.description,
    )


def _local_file(root: Path, value: str, key: str, field: str, bad: Any, fix: str) -> Path | None:
    """The checked file a local path names, or None after reporting why not."""
    try:
        return resolve_inside(root, value, key)
    except UnsafePathError as exc:
        bad(field, f"の「{value}」{exc}", fix_hint(key))
    except FileNotFoundError:
        bad(field, f"の「{value}」が見つかりません。", fix)
    except OSError as exc:
        bad(field, f"の「{value}」を読み込めません（{describe_os_error(exc)}）。", fix)
    return None


def check_materials(
    entries: Sequence[MaterialEntry], root: Path, key: str, name: str
) -> tuple[tuple[Material, ...], list[SiteInputError]]:
    """The materials whose files are inside the session's folder and there; the problems.

    The publish command refuses a file with any of these problems, as the build
    reports them, so what it writes back always builds.
    """
    errors: list[SiteInputError] = []

    def bad(field: str, problem: str, fix: str) -> None:
        errors.append(SiteInputError(name, field, problem, fix))

    out: list[Material] = []
    fix = "資料のファイルを置くか、場所の書き間違いを直してください。"
    for entry in entries:
        href = entry.href
        field = f"materials の{entry.position}番目の {'file' if entry.file else 'url'}"
        if is_url(href) or _local_file(root, href, key, field, bad, fix) is not None:
            out.append(Material(title=entry.title, href=href))
    return tuple(out), errors


def _recording(
    entry: RecordingEntry,
    root: Path,
    key: str,
    name: str,
    bad: Any,
    errors: list[SiteInputError],
    probe_videos: bool,
) -> Recording | None:
    """The recording when its files are there and fit together, else None (「準備中」)."""
    before = len(errors)
    fix = "publish コマンドで登録し直してください。"
    video, caps = entry.video, entry.captions
    video_path = None
    if not is_url(video):
        video_path = _local_file(root, video, key, "recording.video", bad, fix)
    caps_path = _local_file(root, caps, key, "recording.captions", bad, fix)
    if len(errors) > before or caps_path is None:
        return None
    duration = entry.duration
    if video_path is not None:
        try:
            if probe_videos:
                try:
                    duration = media.probe(
                        video_path, f"{name} の recording.video（{video}）"
                    ).duration
                except media.ToolMissingError:
                    _check_readable(video_path, name, "recording.video", video)
            else:
                _check_readable(video_path, name, "recording.video", video)
        except SiteInputError as exc:
            errors.append(exc)
            return None
    if duration is None:
        bad(
            "recording.duration",
            "が書かれていません（動画がメディアサーバーにあるときは必須です）。",
            REPUBLISH,
        )
        return None
    try:
        cues = captions_mod.read_captions(
            caps_path, display_name=f"{name} の recording.captions（{caps}）"
        )
        captions_mod.check_against_duration(
            cues, duration, f"{name} の recording.captions（{caps}）"
        )
    except SiteInputError as exc:
        errors.append(exc)
        return None
    poster = entry.poster
    if (
        poster is not None
        and not is_url(poster)
        and _local_file(root, poster, key, "recording.poster", bad, NESTED_HELP["recording.poster"])
        is None
    ):
        poster = None
    return Recording(
        video=video,
        captions=caps,
        duration=duration,
        poster=poster,
        sample=entry.sample,
        cues=tuple(cues),
    )


def _check_readable(path: Path, name: str, field: str, shown: str) -> None:
    try:
        with path.open("rb") as handle:
            if not handle.read(1):
                raise SiteInputError(
                    name,
                    field,
                    f"の「{shown}」は空のファイルです。",
                    "publish コマンドで登録し直してください。",
                )
    except FileNotFoundError:
        raise SiteInputError(
            name,
            field,
            f"の「{shown}」が見つかりません。",
            "publish コマンドで登録し直してください。",
        ) from None
    except OSError as exc:
        raise SiteInputError(
            name,
            field,
            f"の「{shown}」を読み込めません（{describe_os_error(exc)}）。",
            "権限を確かめてください。",
        ) from None


def check_chapters(
    entries: Sequence[ChapterEntry], duration: float | None, name: str
) -> tuple[tuple[Chapter, ...], list[SiteInputError]]:
    """The chapters (already in time order) that start within a video of ``duration``.

    The publish command checks a file's chapters against the new video with
    this, so it words the problem as the build does.
    """
    out: list[Chapter] = []
    errors: list[SiteInputError] = []
    for entry in entries:
        if duration is not None and entry.time >= duration:
            errors.append(
                SiteInputError(
                    name,
                    f"chapters の{entry.position}番目の time",
                    f"の {display_time(entry.time)} は動画の長さ"
                    f"（{display_time(duration)}）を超えています。",
                    "チャプターの時刻を直してください。",
                )
            )
            continue
        out.append(Chapter(start=entry.time, title=entry.title))
    return tuple(out), errors


def replace_top_level(text: str, key: str, value: Any) -> str:
    """Replace (or append) one top-level ``key:`` block of a YAML file, keeping the rest.

    Comments and layout elsewhere in the file survive, which a full
    load-and-dump would lose; the block itself is rewritten.
    """
    dumped = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=1000)
    lines = text.splitlines(keepends=True)
    start = next(
        (i for i, line in enumerate(lines) if re.match(rf"^{re.escape(key)}\s*:", line)), None
    )
    if start is None:
        if text and not text.endswith("\n"):
            text += "\n"
        return text + dumped
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t", "-")) or not lines[end].strip()):
        end += 1
    # keep blank lines and comments that introduce the next block
    while end - 1 > start and (
        not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
    ):
        end -= 1
    return "".join(lines[:start]) + dumped + "".join(lines[end:])
