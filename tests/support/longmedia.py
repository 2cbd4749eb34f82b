"""Long generated recordings for the full-length tests and the benchmark.

Shared by tests/browser/test_sessions_long.py and bench/session_benchmark.py.
A real session is 60–90 minutes. These clips are that long but tiny (160x90,
one frame per second, one colour, 8 kHz mono audio), so generating an hour
takes seconds and a few MB. They are kept out of git and cached in the
system's temporary folder, keyed by their settings, so a second test run
reuses them.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from wardsite_ops.sessions.samples import generate_clip

CACHE = Path(tempfile.gettempdir()) / "wardsite-test-media"


def long_clip(minutes: int, kind: str = "mp4", folder: Path = CACHE) -> tuple[Path, float]:
    """``(path, seconds it took to generate; 0 when cached)``.

    ``mp4``: browser-safe H.264/AAC with +faststart (publish only remuxes it).
    ``mkv``: MPEG-4 part 2 and MP3 (publish has to convert it, which takes a while).
    """
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"session-{minutes}min-v1.{kind}"
    if dest.is_file():
        return dest, 0.0
    seconds = minutes * 60
    codecs = (
        ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]
        if kind == "mp4"
        else ["-c:v", "mpeg4", "-c:a", "libmp3lame"]
    )
    extra = ["-movflags", "+faststart"] if kind == "mp4" else []
    partial = dest.with_name(f".{dest.name}.{os.getpid()}.{kind}")
    started = time.perf_counter()
    generate_clip(
        partial,
        f"color=c=0x283593:s=160x90:r=1:d={seconds}",
        f"sine=frequency=300:sample_rate=8000:duration={seconds}",
        [*codecs, "-g", "30", "-b:a", "16k", "-ac", "1", *extra],
    )
    os.replace(partial, dest)  # never leave a half-written clip in the cache
    return dest, time.perf_counter() - started


PHRASES = (
    "それでは画面を共有します。",
    "左上のメニューから設定を開いてください。",
    "ここまでで質問はありますか。",
    "次の手順に進みます。",
    "保存したファイルは共有フォルダーに置きます。",
)


LAST_CUE = "本日の研修はここまでです。"


def long_transcript(seconds: float, cues: int = 1500, marks: dict[int, str] | None = None) -> str:
    """A Teams-style WebVTT transcript of ``cues`` cues spread over ``seconds``.

    Each cue carries its number (``発言0123``); ``marks`` replaces the text of
    chosen cues (words a test searches for); the last cue says LAST_CUE.
    """
    marks = marks or {}
    step = seconds / cues
    lines = ["WEBVTT", ""]
    for index in range(cues):
        start = index * step
        end = start + step * 0.9
        text = marks.get(index) or f"発言{index:04d}：{PHRASES[index % len(PHRASES)]}"
        if index == cues - 1:
            text = LAST_CUE
        speaker = "講師役 サンプル" if index % 7 else "受講者役 サンプル"
        lines += [
            f"3f2a9c01-{index:04d}/{index}-0",
            f"{_clock(start)} --> {_clock(end)}",
            f"<v {speaker}>{text}</v>",
            "",
        ]
    return "\n".join(lines)


def _clock(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def publish_long_session(
    project: Path,
    minutes: int = 60,
    cues: int = 1500,
    marks: dict[int, str] | None = None,
    kind: str = "mp4",
) -> float:
    """Publish a ``minutes``-long recording with ``cues`` cues as 第7回 into ``project``.

    Ten-minute chapters; returns the seconds publish-session took.
    """
    from wardsite_ops.sessions.publish import main

    clip, _ = long_clip(minutes, kind)
    inputs = project / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    transcript = inputs / "transcript.vtt"
    transcript.write_text(long_transcript(minutes * 60, cues, marks=marks), encoding="utf-8")
    chapters = inputs / "chapters.txt"
    chapters.write_text(
        "".join(f"{m:02d}:00 第{m // 10 + 1}部\n" for m in range(0, minutes, 10)), encoding="utf-8"
    )
    started = time.perf_counter()
    code = main(
        [
            "7",
            "--root",
            str(project),
            "--video",
            str(clip),
            "--captions",
            str(transcript),
            "--chapters",
            str(chapters),
            "--speaker",
            "講師役 サンプル=講師",
            "--max-commit-mb",
            "100",
            "--no-progress",
        ]
    )
    if code != 0:
        raise RuntimeError(f"publish-session failed with exit code {code}")
    return time.perf_counter() - started
