"""Shared bits of the session tests (a module name of its own: tests/conftest.py exists too)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wardsite_ops.sessions.samples import generate_clip

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


def make_clip(dest: Path, vcodec: str = "libx264", acodec: str = "aac", seconds: float = 2) -> Path:
    """A tiny test clip (160x90) of the given codecs."""
    extra: list[str] = []
    if vcodec == "libvpx-vp9":
        extra = ["-deadline", "realtime", "-cpu-used", "8", "-b:v", "100k"]
    if vcodec == "libx264":
        extra = ["-pix_fmt", "yuv420p", "-preset", "ultrafast"]
    return generate_clip(
        dest,
        f"testsrc2=s=160x90:r=10:d={seconds}",
        f"sine=frequency=440:sample_rate=48000:duration={seconds}",
        ["-c:v", vcodec, *extra, "-c:a", acodec],
    )
