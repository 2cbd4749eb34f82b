"""Interrupting publish-session leaves the repository exactly as it was (issue #10).

Real signals go to a real publish-session process while ffmpeg is converting
a recording; afterwards ``git status`` must show no change and the output a
Japanese message without a traceback. Failed before: Ctrl+C printed a
KeyboardInterrupt traceback and SIGHUP left
``media/sessions/<id>/.publish-XXXX/video.mp4`` in the repository.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sessionkit import REPO, SESSION_YML, VTT, needs_ffmpeg

from support.longmedia import long_clip

pytestmark = needs_ffmpeg


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """A committed repository with one session already published (an older recording)."""
    repo = tmp_path / "repo"
    (repo / "sessions").mkdir(parents=True)
    (repo / "sessions" / "hands-on-07.yml").write_text(SESSION_YML, encoding="utf-8")
    (repo / "inputs").mkdir()
    (repo / "inputs" / "rec.vtt").write_text(VTT, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "x")
    return repo


def _git_dir_leftovers(repo: Path) -> list[Path]:
    return sorted((repo / ".git").glob("publish-session-*"))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_signal_mid_conversion_leaves_the_repository_as_it_was(
    git_repo: Path, sig: signal.Signals
) -> None:
    clip, _ = long_clip(10, "mkv")  # MPEG-4 part 2: publish must convert it
    before = _git(git_repo, "status", "--porcelain", "--ignored", "--untracked-files=all")
    # this checkout's code, whatever the shared virtual environment's editable install points at
    path = os.pathsep.join(str(REPO / folder) for folder in ("hooks", "ops"))
    env = {**os.environ, "PYTHONPATH": path, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wardsite_ops.sessions.publish",
            "7",
            "--root",
            str(git_repo),
            "--video",
            str(clip),
            "--captions",
            str(git_repo / "inputs" / "rec.vtt"),
            "--no-progress",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    # Wait until ffmpeg is writing the converted video (wherever it stages it).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        staged = list(git_repo.rglob("video.mp4"))
        if staged and staged[0].stat().st_size > 0:
            break
        time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail(f"conversion never started: {proc.communicate()}")
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + sig, err
    assert "中断しました" in err and "実行前のまま" in err
    assert "Traceback" not in err + out and "KeyboardInterrupt" not in err
    after = _git(git_repo, "status", "--porcelain", "--ignored", "--untracked-files=all")
    assert after == before
    assert _git_dir_leftovers(git_repo) == []
    assert not (git_repo / "media").exists()
