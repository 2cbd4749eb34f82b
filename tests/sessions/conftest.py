"""Fixtures for the session tests: a throwaway repository and tiny generated clips."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sessionkit import SESSION_YML, make_clip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with one session file and nothing published."""
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "hands-on-07.yml").write_text(SESSION_YML, encoding="utf-8")
    return tmp_path


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
