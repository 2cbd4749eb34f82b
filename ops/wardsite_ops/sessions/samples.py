"""Generate the sample recordings in ``media/samples/`` so a fresh clone works end to end.

Each sample is a few seconds of generated video (a coloured card reading
「サンプル映像」 and the session title when a Japanese font is installed, else
ffmpeg's test pattern) with a quiet tone, published through the same code path
as a real recording (``publish.publish``) with the hand-written captions and
chapters in ``media/samples/source/``. The metadata marks them ``sample: true``
and the session page says so.

    python -m wardsite_ops.sessions.samples            # regenerate all three
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from wardsite.sessions import media
from wardsite_ops.sessions.publish import Options, publish

ROOT = Path(__file__).resolve().parents[3]
SOURCE = Path("media/samples/source")
SECONDS = 8


@dataclass(frozen=True)
class Sample:
    track: str
    number: int
    heading: str
    captions: str  # file in media/samples/source/
    colour: str
    speakers: tuple[tuple[str, str], ...] = ()


SAMPLES: tuple[Sample, ...] = (
    Sample("hands-on", 1, "第1回 サインインと多要素認証", "hands-on-01.vtt", "0x283593"),
    Sample("hands-on", 9, "第9回 チームとチャネル", "hands-on-09.srt", "0x00695c"),
    Sample(
        "dx-mindset",
        1,
        "DXマインド研修 第1回",
        "dx-mindset-01.vtt",
        "0x6a1b9a",
        (("講師役 サンプル", "講師"), ("受講者役 サンプル", "受講者")),
    ),
)


def japanese_font() -> str | None:
    """Path of a Japanese font for drawtext, or None."""
    try:
        found = subprocess.run(
            ["fc-match", "--format=%{file}", "Noto Sans CJK JP:lang=ja"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except FileNotFoundError:
        return None
    # fc-match always answers; a fallback Latin font cannot draw the Japanese text.
    return found if any(mark in found.lower() for mark in ("cjk", "ipa", "takao")) else None


def make_clip(dest: Path, heading: str, colour: str, seconds: int = SECONDS) -> None:
    """Write a raw clip (MPEG-4 part 2 in Matroska: publish converts it like a real one)."""
    font = japanese_font()
    if font:
        text_file = dest.with_suffix(".txt")
        text_file.write_text(f"サンプル映像\n{heading}", encoding="utf-8")
        video = (
            f"color=c={colour}:s=480x270:r=15:d={seconds},"
            f"drawtext=fontfile={font}:textfile={text_file}:fontcolor=white:fontsize=30:"
            "line_spacing=12:x=(w-tw)/2:y=(h-th)/2-16,"
            f"drawtext=fontfile={font}:text='%{{pts\\:hms}}':fontcolor=white:fontsize=18:"
            "x=(w-tw)/2:y=h-40"
        )
    else:
        video = f"testsrc2=s=480x270:r=15:d={seconds}"
    generate_clip(
        dest,
        video,
        f"sine=frequency=440:sample_rate=48000:duration={seconds}",
        ["-af", "volume=0.05", "-c:v", "mpeg4", "-q:v", "3", "-c:a", "pcm_s16le"],
    )


def generate_clip(dest: Path, video: str, audio: str, output_args: list[str]) -> Path:
    """Write ``dest`` from ffmpeg's generated ``video`` and ``audio`` (lavfi) sources.

    Also used by the tests and the benchmark for their long recordings.
    """
    subprocess.run(
        [
            media.tool("ffmpeg"),
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            video,
            "-f",
            "lavfi",
            "-i",
            audio,
            *output_args,
            "-shortest",
            str(dest),
        ],
        check=True,
    )
    return dest


def generate(root: Path = ROOT, only: tuple[Sample, ...] = SAMPLES) -> list[str]:
    """Regenerate the samples under ``root``; return the paths to commit."""
    to_commit: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for sample in only:
            clip = Path(tmp) / f"{sample.track}-{sample.number:02d}.mkv"
            make_clip(clip, sample.heading, sample.colour)
            key = f"{sample.track}-{sample.number:02d}"
            result = publish(
                Options(
                    root=root,
                    track=sample.track,
                    number=sample.number,
                    video=clip,
                    captions=root / SOURCE / sample.captions,
                    chapters=root / SOURCE / f"{key}.chapters.txt",
                    speakers=dict(sample.speakers),
                    repo_media_dir="media/samples",
                    sample=True,
                    progress=False,
                ),
                out=lambda _text: None,
            )
            to_commit += result.git_add
    return to_commit


def main() -> int:
    paths = generate()
    for path in paths:
        size = (ROOT / path).stat().st_size
        print(f"{size / 1000:8.1f} KB  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
