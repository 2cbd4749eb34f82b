"""One build of both languages loads and probes everything once.

mkdocs-static-i18n builds English in a nested build that runs ``on_config``
again; the pipeline (hooks/wardsite_mkdocs/pipeline.py) runs its
"once per build" steps only in the first one. The real build's calls of
ffprobe and git are counted by the shared build fixture (tests/conftest.py).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from support.build import ROOT


@pytest.fixture(scope="module")
def tool_calls(site_build: tuple[Path, str]) -> list[str]:
    site, _ = site_build
    log = site.parent / "tools.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_every_session_video_is_probed_once(tool_calls: list[str]) -> None:
    videos = sorted(str(p) for p in (ROOT / "media").rglob("video.mp4"))
    assert videos, "the repository's sample sessions have videos"
    probed = Counter(line.split()[-1] for line in tool_calls if line.startswith("ffprobe "))
    assert sorted(probed) == videos
    assert set(probed.values()) == {1}, f"probed more than once: {probed}"


def test_git_history_is_read_once(tool_calls: list[str]) -> None:
    assert sum(line.startswith("git log ") for line in tool_calls) == 1


def test_faq_is_loaded_once(site_build: tuple[Path, str]) -> None:
    _, log = site_build
    assert log.count("FAQ の取得元") == 1
