"""Long generated recordings for the full-length tests and the benchmark.

A real session is 60–90 minutes. These clips are that long but tiny (160x90,
one frame per second, one colour, 8 kHz mono audio), so generating an hour
takes seconds and a few MB. They are kept out of git and cached in the
system's temporary folder, keyed by their settings, so a second test run
reuses them.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

CACHE = Path(tempfile.gettempdir()) / "wardsite-test-media"


def long_clip(minutes: int, kind: str = "mp4") -> tuple[Path, float]:
    """``(path, seconds it took to generate; 0 when cached)``.

    ``mp4``: browser-safe H.264/AAC with +faststart (publish only remuxes it).
    ``mkv``: MPEG-4 part 2 and MP3 (publish has to convert it, which takes a while).
    """
    CACHE.mkdir(parents=True, exist_ok=True)
    dest = CACHE / f"session-{minutes}min-v1.{kind}"
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
    subprocess.run(
        [
            "ffmpeg",
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"color=c=0x283593:s=160x90:r=1:d={seconds}",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=300:sample_rate=8000:duration={seconds}",
            *codecs,
            "-g",
            "30",
            "-b:a",
            "16k",
            "-ac",
            "1",
            "-shortest",
            *extra,
            str(partial),
        ],
        check=True,
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


def long_transcript(
    seconds: float, cues: int = 1500, last: str = "本日の研修はここまでです。"
) -> str:
    """A Teams-style WebVTT transcript of ``cues`` cues spread over ``seconds``.

    Each cue carries its number (``発言0123``) so a test can search for a cue
    deep in the session; the last cue says ``last``.
    """
    step = seconds / cues
    lines = ["WEBVTT", ""]
    for index in range(cues):
        start = index * step
        end = start + step * 0.9
        text = last if index == cues - 1 else f"発言{index:04d}：{PHRASES[index % len(PHRASES)]}"
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
