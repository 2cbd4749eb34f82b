"""Load and validate ``sessions/*.yml``: one small YAML file per training session.

Every problem is collected (not just the first) as a SiteInputError naming the
file and the field, in Japanese, with what to do. A session with a broken
required field is left out; a session whose recording is broken is kept as
「準備中」 (no recording); a chapter past the end of the video is dropped. The
MkDocs hook logs the errors as warnings, so ``mkdocs build --strict`` fails.

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
from collections.abc import Mapping
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
    parse_time,
    session_key,
)
from wardsite.sessions.paths import UnsafePathError, fix_hint, resolve_inside
from wardsite.sessions.sessionfile import read_session_file
from wardsite.yamlfile import read_mapping


@dataclass(frozen=True)
class Catalogue:
    """What the loader found: valid sessions (sorted by track, number) and every problem."""

    sessions: tuple[Session, ...]
    errors: tuple[SiteInputError, ...]

    def by_track(self, track: str) -> tuple[Session, ...]:
        return tuple(s for s in self.sessions if s.track == track)


def is_url(value: str) -> bool:
    return bool(re.match(r"^https?://", value))


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

    checked = read_session_file(data, name)
    if isinstance(checked, list):
        errors.extend(checked)
        return None  # required facts are wrong: leave the session out entirely

    def bad(field: str, problem: str, fix: str) -> None:
        errors.append(SiteInputError(name, field, problem, fix))

    key = session_key(checked.track, checked.number)
    materials = _materials(checked.materials, root, key, bad)
    recording = _recording(checked.recording, root, key, name, bad, errors, probe_videos)
    chapters = _chapters(checked.chapters, recording, bad)
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


def _materials(value: Any, root: Path, key: str, bad: Any) -> tuple[Material, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        bad(
            "materials",
            "の形が正しくありません。",
            "「- title: …」「  file: …」の形で書いてください。",
        )
        return ()
    out: list[Material] = []
    for index, item in enumerate(value, start=1):
        field = f"materials の{index}番目"
        if not isinstance(item, Mapping) or not isinstance(item.get("title"), str):
            bad(field, "に title（資料の名前）がありません。", "title: と file: を書いてください。")
            continue
        href = item.get("file") or item.get("url")
        if not isinstance(href, str) or not href.strip():
            bad(
                field,
                "に file（資料のファイル）がありません。",
                "file: に資料の場所を書いてください。",
            )
            continue
        href = href.strip()
        fix = "資料のファイルを置くか、場所の書き間違いを直してください。"
        if not is_url(href) and _local_file(root, href, key, f"{field}の file", bad, fix) is None:
            continue
        out.append(Material(title=item["title"].strip(), href=href))
    return tuple(out)


def _recording(
    value: Any,
    root: Path,
    key: str,
    name: str,
    bad: Any,
    errors: list[SiteInputError],
    probe_videos: bool,
) -> Recording | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        bad("recording", "の形が正しくありません。", "publish コマンドで書き直してください。")
        return None
    before = len(errors)
    video, caps = value.get("video"), value.get("captions")
    for part, item in (("video", video), ("captions", caps)):
        if not isinstance(item, str) or not item.strip():
            bad(
                f"recording.{part}",
                "が書かれていません。",
                "録画は publish コマンドで登録してください（字幕は必須です）。",
            )
    if len(errors) > before:
        return None
    fix = "publish コマンドで登録し直してください。"
    video_path = caps_path = None
    if not is_url(video):
        video_path = _local_file(root, video, key, "recording.video", bad, fix)
    if not is_url(caps):
        caps_path = _local_file(root, caps, key, "recording.captions", bad, fix)
    if len(errors) > before:
        return None
    duration: float | None = None
    raw_duration = value.get("duration")
    if raw_duration is not None:
        try:
            duration = parse_time(raw_duration)
        except ValueError:
            bad(
                "recording.duration",
                f"の「{raw_duration}」は秒数として読めません。",
                "publish コマンドで書き直してください。",
            )
            return None
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
            "publish コマンドで書き直してください。",
        )
        return None
    if caps_path is None:
        bad(
            "recording.captions",
            "は URL にできません（文字起こしを作るため、字幕はリポジトリに置きます）。",
            "publish コマンドで書き直してください。",
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
    poster = value.get("poster")
    poster_fix = "publish コマンドで書き直すか、poster の行を消してください。"
    if poster is not None and not isinstance(poster, str):
        bad("recording.poster", "の形が正しくありません。", poster_fix)
        poster = None
    elif (
        poster is not None
        and not is_url(poster)
        and _local_file(root, poster, key, "recording.poster", bad, poster_fix) is None
    ):
        poster = None
    return Recording(
        video=video,
        captions=caps,
        duration=duration,
        poster=poster,
        sample=bool(value.get("sample", False)),
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


def _chapters(value: Any, recording: Recording | None, bad: Any) -> tuple[Chapter, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        bad(
            "chapters",
            "の形が正しくありません。",
            '「- time: "01:30"」「  title: …」の形で書いてください。',
        )
        return ()
    out: list[Chapter] = []
    for index, item in enumerate(value, start=1):
        field = f"chapters の{index}番目"
        if not isinstance(item, Mapping) or not isinstance(item.get("title"), str):
            bad(
                field,
                "に title（チャプターの名前）がありません。",
                "time: と title: を書いてください。",
            )
            continue
        try:
            start = parse_time(item.get("time"))
        except ValueError:
            bad(
                f"{field}の time",
                f"の「{item.get('time')}」は時刻として読めません。",
                '"01:30" のように分:秒で書いてください（" で囲みます）。',
            )
            continue
        if recording is not None and start >= recording.duration:
            bad(
                f"{field}の time",
                f"の {display_time(start)} は動画の長さ"
                f"（{display_time(recording.duration)}）を超えています。",
                "チャプターの時刻を直してください。",
            )
            continue
        out.append(Chapter(start=start, title=item["title"].strip()))
    out.sort(key=lambda c: c.start)
    return tuple(out)


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
