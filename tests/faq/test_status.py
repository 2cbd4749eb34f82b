"""``scripts/faq-status``: the build's FAQ status file → job summary and exit code.

The status files here are written by the real recording function, and the script
runs as CI runs it (a subprocess with ``GITHUB_STEP_SUMMARY`` set).
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from support.build import ROOT
from wardsite.faq import status

SCRIPT = ROOT / "scripts" / "faq-status"
BASE_URL = "https://secret-desk.example.zendesk.com"


def _build(state: Path, *, fresh: bool, pulled_at: datetime | None = None, live: bool = True):
    return status.record(
        state,
        live=live,
        fresh=fresh,
        mode="full" if fresh else "last-good",
        stale_kind=None if fresh else "unreachable",
        reason=None if fresh else f"{BASE_URL} に接続できませんでした（HTTP 503）",
        pulled_at=pulled_at or datetime.now(UTC) - timedelta(hours=1),
        entries=90,
        skipped=0,
        hide=(BASE_URL, "secret-desk.example.zendesk.com"),
    )


def _run(state: Path, tmp_path: Path, *args: str) -> tuple[int, str, str]:
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true"}
    done = subprocess.run(
        [str(SCRIPT), "--state-dir", str(state), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    text = summary.read_text("utf-8") if summary.exists() else ""
    return done.returncode, done.stdout + done.stderr, text


def test_stale_builds_are_counted_and_reset_by_a_fresh_one(tmp_path: Path) -> None:
    state = tmp_path / "state"
    assert [_build(state, fresh=False).consecutive_stale for _ in range(3)] == [1, 2, 3]
    assert _build(state, fresh=True).consecutive_stale == 0
    assert _build(state, fresh=False).consecutive_stale == 1
    saved = json.loads((state / status.FILE_NAME).read_text("utf-8"))
    assert BASE_URL not in json.dumps(saved) and "secret-desk" not in json.dumps(saved)
    assert "HTTP 503" in saved["reason"]


def test_a_stale_build_passes_with_the_reason_in_the_summary(tmp_path: Path) -> None:
    state = tmp_path / "state"
    _build(state, fresh=True)
    _build(state, fresh=False)
    code, out, summary = _run(state, tmp_path)
    assert code == 0, out
    assert out.startswith("::warning::") and "1回連続" in out
    assert "HTTP 503" in summary and "注記付きで公開しました" in summary
    assert "secret-desk" not in summary + out


def test_several_stale_builds_in_a_row_fail_loudly(tmp_path: Path) -> None:
    state = tmp_path / "state"
    for _ in range(3):
        _build(state, fresh=False)
    code, out, summary = _run(state, tmp_path, "--max-stale", "3")
    assert code == 1
    assert out.startswith("::error::") and "3回続けて失敗" in out
    assert "❌" in summary
    assert _run(state, tmp_path, "--max-stale", "4")[0] == 0


def test_an_old_faq_fails_even_if_the_counter_was_lost(tmp_path: Path) -> None:
    """The cache can be evicted (the counter restarts); the snapshot's age still tells."""
    state = tmp_path / "state"
    _build(state, fresh=False, pulled_at=datetime.now(UTC) - timedelta(days=5))
    code, out, _ = _run(state, tmp_path)
    assert code == 1 and "時間前の内容です" in out


def test_fresh_build_passes_and_offline_fails_when_live_is_required(tmp_path: Path) -> None:
    state = tmp_path / "state"
    _build(state, fresh=True)
    code, out, summary = _run(state, tmp_path, "--require-live")
    assert code == 0 and "取得しました（90件）" in out and "✅" in summary
    _build(state, fresh=False, live=False)
    code, out, _ = _run(state, tmp_path, "--require-live")
    assert code == 1 and "WARDSITE_FAQ_BASE_URL" in out
    assert _run(state, tmp_path)[0] == 0  # without --require-live an offline build is fine


def test_missing_status_file_fails_with_a_japanese_message(tmp_path: Path) -> None:
    code, out, summary = _run(tmp_path / "nothing", tmp_path)
    assert code == 1 and "状態ファイル" in out and "状態ファイル" in summary
