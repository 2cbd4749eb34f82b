"""Captions in, clean WebVTT out.

Accepted: WebVTT, SubRip (``.srt``) and the ``.vtt`` transcript Microsoft Teams
exports (cue ids like ``3f2a…/12-0``, speakers in ``<v 氏名>`` tags). Parsing
is done by webvtt-py; this module adds the checks a published recording needs
and writes a normalised file: UTF-8, numbered cue ids (``c0001``…), sorted,
tags and entities removed, empty cues dropped, speakers kept only when mapped to
a role (trainers are named by role, never by person, on the site).
"""

from __future__ import annotations

import ast
import html
import io
import itertools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from wardsite.errors import SiteInputError
from wardsite.oserrors import describe_os_error
from wardsite.sessions.model import Cue

FIELD = "字幕ファイル"

# Limits sized for a 3-hour session: a Teams transcript of 90 minutes has
# 600–1,500 cues and is under 0.5 MB, so three hours stay well inside these.
MAX_CAPTION_BYTES = 2_000_000
MAX_CUES = 5_000
#: One cue is a sentence or two: longer ones cannot be read on screen.
MAX_CUE_SECONDS = 60.0
MAX_CUE_CHARS = 500
#: How far past the end of the video a cue may end (players round lengths).
END_TOLERANCE = 2.0

_SPACES = re.compile(r"[ \t\u3000]+")


def _decode(raw: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        # Japanese SRT files from older tools are often Shift_JIS.
        return raw.decode("cp932")
    except UnicodeDecodeError:
        raise SiteInputError(
            name,
            FIELD,
            "の文字コードを読み取れません（UTF-8 でも Shift_JIS でもありません）。",
            "メモ帳などで開き、「UTF-8」を選んで保存し直してください。",
        ) from None


def _detect_format(text: str, path: Path) -> str:
    first = text.lstrip("\ufeff").lstrip()
    if first.startswith("WEBVTT"):
        return "vtt"
    if path.suffix.lower() == ".srt" or re.match(r"\d+\s*\r?\n\s*\d\d:\d\d:\d\d[,.]\d", first):
        return "srt"
    return "unknown"


def read_captions(
    path: Path,
    *,
    speakers: Mapping[str, str] | None = None,
    display_name: str | None = None,
) -> list[Cue]:
    """Read and validate a caption file; return clean cues sorted by start time.

    ``speakers`` maps a speaker name in ``<v …>`` tags to the label to show
    (e.g. ``{"山田 太郎": "講師"}``) and drops unmapped names (a Teams
    transcript names real people); ``None`` keeps names as they are (for files
    already normalised). Raises
    SiteInputError (naming ``display_name`` or the file) for a missing,
    unreadable, empty or malformed file.
    """
    name = display_name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_CAPTION_BYTES:
            raise SiteInputError(
                name,
                FIELD,
                f"が大きすぎます（{size / 1e6:.1f} MB、上限 {MAX_CAPTION_BYTES / 1e6:g} MB）。"
                "3時間の研修の文字起こしでも、この大きさにはなりません。",
                "別のファイル（録画の文字起こしではないもの）を指定していないか確かめてください。",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SiteInputError(
            name, FIELD, "が見つかりません。", "ファイルの場所と名前を確かめてください。"
        ) from None
    except OSError as exc:
        raise SiteInputError(
            name,
            FIELD,
            f"を読み込めません（{describe_os_error(exc)}）。",
            "ファイルが開けるか（権限・ほかのアプリで開いていないか）を確かめてください。",
        ) from None
    return parse_captions(_decode(raw, name), name=name, suffix=path.suffix, speakers=speakers)


def parse_captions(
    text: str,
    *,
    name: str,
    suffix: str = ".vtt",
    speakers: Mapping[str, str] | None = None,
) -> list[Cue]:
    """Parse caption text (WebVTT or SRT) into clean cues; see read_captions."""
    fmt = _detect_format(text, Path(f"x{suffix}"))
    if fmt == "unknown":
        raise SiteInputError(
            name,
            FIELD,
            "が WebVTT（1行目が「WEBVTT」）でも SRT（番号と「00:00:01,000 --> …」の行）"
            "でもありません。",
            "Teams の「トランスクリプト」から .vtt をダウンロードするか、"
            "字幕ソフトで .vtt / .srt に書き出してください。",
        )
    try:
        parsed = webvtt.WebVTT.from_buffer(io.StringIO(text), format=fmt, strict=(fmt == "vtt"))
    except (MalformedFileError, MalformedCaptionError) as exc:
        raise SiteInputError(
            name,
            FIELD,
            f"の書き方が正しくありません（{_describe(exc)}）。",
            "時刻の行が「00:01:02.000 --> 00:01:05.000」の形か、字幕と字幕の間に空行があるかを"
            "確かめてください。",
        ) from None
    cues = _clean(parsed.captions, speakers)
    if not cues:
        raise SiteInputError(
            name,
            FIELD,
            "に字幕が1つもありません。",
            "中身のある字幕ファイルを指定してください（録画の文字起こしを書き出し直してください）。",
        )
    if len(cues) > MAX_CUES:
        raise SiteInputError(
            name,
            FIELD,
            f"の字幕が多すぎます（{len(cues):,} 件、上限 {MAX_CUES:,} 件）。"
            "3時間の研修でも、この数にはなりません。",
            "別のファイルを指定していないか、字幕ソフトの書き出し設定を確かめてください。",
        )
    for cue in cues:
        _check_cue(cue, name)
    return cues


def _check_cue(cue: Cue, name: str) -> None:
    where = f"の {_hms(cue.start)} の字幕"
    if cue.end == cue.start:
        raise SiteInputError(
            name,
            FIELD,
            f"{where}は長さが0秒です（始まりと終わりが同じ時刻 {_hms(cue.end)}）。",
            "終わりの時刻を、話し終わった時刻に直してください。",
        )
    if cue.end < cue.start:
        raise SiteInputError(
            name,
            FIELD,
            f"{where}は、終わりの時刻（{_hms(cue.end)}）が始まりより前です。",
            "この字幕の時刻を直してください。",
        )
    if cue.end - cue.start > MAX_CUE_SECONDS:
        raise SiteInputError(
            name,
            FIELD,
            f"{where}は {cue.end - cue.start:.0f} 秒続きます（上限 {MAX_CUE_SECONDS:.0f} 秒）。",
            "1つの字幕は1〜2文にし、長い字幕は分けてください。",
        )
    if len(cue.text) > MAX_CUE_CHARS:
        raise SiteInputError(
            name,
            FIELD,
            f"{where}は {len(cue.text)} 文字あります（上限 {MAX_CUE_CHARS} 文字）。",
            "1つの字幕は1〜2文にし、長い字幕は分けてください。",
        )


def overlap_warnings(cues: Sequence[Cue], name: str, limit: int = 3) -> list[str]:
    """Japanese notes for cues that start before the previous one ends (shown, not fatal).

    Players show overlapping cues together, which is allowed but usually a
    sign of a hand-edited file; only the first ``limit`` are listed.
    """
    overlaps = [
        (before, after)
        for before, after in itertools.pairwise(cues)
        if after.start < before.end - 0.001
    ]
    notes = [
        f"{name}: {_hms(after.start)} の字幕が、前の字幕（{_hms(before.start)}〜"
        f"{_hms(before.end)}）と重なっています。"
        for before, after in overlaps[:limit]
    ]
    if len(overlaps) > limit:
        notes.append(f"{name}: ほかにも {len(overlaps) - limit} か所、字幕が重なっています。")
    return notes


def _describe(exc: Exception) -> str:
    """The caption library's (English) complaint, told in Japanese."""
    message = str(exc)
    if message == "Invalid format":
        return "形式が判別できません"
    if message.startswith("Invalid cue block "):
        try:
            lines = ast.literal_eval(message[len("Invalid cue block ") :])
            # the last timing line is where the library stopped understanding
            shown = [line for line in lines if "-->" in line][-1:] or lines[:1]
            shown = shown[0]
        except (ValueError, SyntaxError, IndexError, TypeError):
            return "字幕のかたまりの書き方が正しくないところがあります"
        return f"「{str(shown)[:60]}」のところの書き方が正しくありません"
    if message.startswith("Invalid timestamp "):
        return f"時刻 {message[len('Invalid timestamp ') :][:40]} が読めません"
    return "内容を読み取れませんでした"


def _hms(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _clean(captions: Sequence[webvtt.Caption], speakers: Mapping[str, str] | None) -> list[Cue]:
    items: list[tuple[float, float, str, str | None]] = []
    for caption in captions:
        lines = [html.unescape(line) for line in caption.text.split("\n")]
        text = "\n".join(_SPACES.sub(" ", line).strip() for line in lines if line.strip())
        if not text:
            continue
        voice = caption.voice
        speaker = voice.strip() if voice else None
        if speaker and speakers is not None:
            speaker = speakers.get(speaker)
        start = caption.start_time.in_milliseconds() / 1000
        end = caption.end_time.in_milliseconds() / 1000
        items.append((start, end, text, speaker))
    items.sort(key=lambda item: (item[0], item[1]))
    return [
        Cue(id=f"c{index:04d}", start=start, end=end, text=text, speaker=speaker)
        for index, (start, end, text, speaker) in enumerate(items, start=1)
    ]


def check_against_duration(cues: Sequence[Cue], duration: float, name: str) -> None:
    """Raise when a cue starts or ends after the end of the video.

    ``duration`` is the real (decoded) length; a cue may end up to
    END_TOLERANCE seconds after it.
    """
    late = [cue for cue in cues if cue.end > duration + END_TOLERANCE]
    if late:
        cue = late[0]
        problem = (
            f"の {_hms(cue.start)} の字幕が {_hms(cue.end)} まで続きますが、"
            if cue.start <= duration
            else f"の字幕が {_hms(cue.start)} から始まりますが、"
        )
        raise SiteInputError(
            name,
            FIELD,
            f"{problem}動画は {_hms(duration)} で終わります（動画より後の字幕が {len(late)} 件）。",
            "別の録画の字幕を指定していないか、録画が途中で切れていないか確かめてください。",
        )


def _escape_cue_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_webvtt(cues: Sequence[Cue]) -> str:
    """Write cues as a clean WebVTT document (UTF-8 text, ``\\n`` line ends)."""
    doc = webvtt.WebVTT(
        captions=[
            webvtt.Caption(
                start=_vtt_time(cue.start),
                end=_vtt_time(cue.end),
                text=(f"<v {_escape_cue_text(cue.speaker)}>" if cue.speaker else "")
                + _escape_cue_text(cue.text),
                identifier=cue.id,
            )
            for cue in cues
        ]
    )
    return doc.content


def _vtt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    return f"{hours:02d}:{minutes:02d}:{ms // 1000:02d}.{ms % 1000:03d}"


def normalise_file(
    source: Path,
    dest: Path,
    *,
    speakers: Mapping[str, str] | None = None,
    display_name: str | None = None,
) -> list[Cue]:
    """Read ``source`` (any accepted format) and write clean WebVTT to ``dest``."""
    cues = read_captions(source, speakers=speakers, display_name=display_name)
    dest.write_text(to_webvtt(cues), encoding="utf-8", newline="\n")
    return cues
