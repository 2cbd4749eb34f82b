"""Fixtures for the session tests: a throwaway repository and tiny generated clips."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

needs_ffmpeg = pytest.mark.skipif(
    not (shutil.which("ffmpeg") and shutil.which("ffprobe")), reason="ffmpeg がありません"
)

VTT = """WEBVTT

00:00:00.000 --> 00:00:01.000
はじめに、サインインします。

00:00:01.000 --> 00:00:02.000
次に、承認します。
"""

SESSION_YML = """\
# テスト用
track: hands-on
number: 7
title: テレワークの始め方
level: 基礎
date: 2026-06-24
length: 60
trainer: 情報政策課 研修担当
goals:
  - テレワークを申請できる
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with one session file and nothing published."""
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "hands-on-07.yml").write_text(SESSION_YML, encoding="utf-8")
    return tmp_path


def make_clip(dest: Path, vcodec: str = "libx264", acodec: str = "aac", seconds: float = 2) -> Path:
    """A tiny test clip (160x90) of the given codecs."""
    extra: list[str] = []
    if vcodec == "libvpx-vp9":
        extra = ["-deadline", "realtime", "-cpu-used", "8", "-b:v", "100k"]
    if vcodec == "libx264":
        extra = ["-pix_fmt", "yuv420p", "-preset", "ultrafast"]
    subprocess.run(
        ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", f"testsrc2=s=160x90:r=10:d={seconds}",
         "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={seconds}",
         "-c:v", vcodec, *extra, "-c:a", acodec, "-shortest", str(dest)],
        check=True,
    )
    return dest


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Generated once per run: browser-safe H.264 MP4, VP9/Opus WebM, MPEG-4 part 2 AVI."""
    if not (shutil.which("ffmpeg") and shutil.which("ffprobe")):
        pytest.skip("ffmpeg がありません")
    folder = tmp_path_factory.mktemp("clips")
    return {
        "h264": make_clip(folder / "rec.mp4"),
        "vp9": make_clip(folder / "rec.webm", "libvpx-vp9", "libopus"),
        "mpeg4": make_clip(folder / "rec.avi", "mpeg4", "libmp3lame"),
    }


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def _write(name: str, text: str) -> Path:
        path = tmp_path / "inputs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write
