"""Pulling from the local helpdesk over real HTTP: pagination, change lists, faults, fallback."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from support.faqdesk import FAST, INTERNAL_SECTION, Helpdesk
from wardsite.faq.errors import FaqStrictError
from wardsite.faq.http import HttpLimits
from wardsite.faq.pull import BUNDLED_SNAPSHOT, PullOptions, pull_faq
from wardsite.faq.snapshot import load_snapshot

SAMPLE = json.loads(
    (Path(__file__).resolve().parents[2] / "data/faq/sample/articles.json").read_text(
        encoding="utf-8"
    )
)["articles"]
PUBLISHED = [a for a in SAMPLE if not a["draft"] and str(a["section_id"]) != INTERNAL_SECTION]
DRAFT_IDS = {str(a["id"]) for a in SAMPLE if a["draft"]}
INTERNAL_IDS = {str(a["id"]) for a in SAMPLE if str(a["section_id"]) == INTERNAL_SECTION}


def test_sample_is_big_enough() -> None:
    ja = [a for a in PUBLISHED if a["locale"] == "ja"]
    assert len(ja) >= 80
    assert any(a["locale"].startswith("en") for a in PUBLISHED)
    assert len(DRAFT_IDS) >= 2 and INTERNAL_IDS


def test_full_pull_follows_pagination_and_skips_drafts_and_internal(
    helpdesk: Helpdesk, tmp_path: Path
) -> None:
    outcome = pull_faq(helpdesk.source(page_size=10), tmp_path / "s.json")
    assert outcome.fresh and outcome.mode == "full"
    ids = {e.id for e in outcome.snapshot.entries}
    assert len(outcome.snapshot.entries) == len(PUBLISHED)
    assert not ids & DRAFT_IDS
    assert not ids & INTERNAL_IDS
    assert {c.id for c in outcome.snapshot.categories}.isdisjoint({INTERNAL_SECTION})
    listed = helpdesk.article_list_requests()
    assert len(listed) > 9  # 89 ja at 10 per page, plus en
    assert any("page[after]" in r["query"] for r in listed)
    assert (tmp_path / "s.json").exists()
    assert outcome.staleness_note() is None


def test_second_pull_reads_only_the_change_list(helpdesk: Helpdesk, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    pull_faq(helpdesk.source(), state)
    helpdesk.post("/_reset")  # clears the request log, same articles
    second = pull_faq(helpdesk.source(), state)
    assert second.fresh and second.mode == "incremental"
    assert helpdesk.article_list_requests() == []
    incremental = [r for r in helpdesk.requests() if "/incremental/" in r["path"]]
    assert len(incremental) == 1
    assert len(second.snapshot.entries) == len(PUBLISHED)


def test_change_upstream_arrives_incrementally(helpdesk: Helpdesk, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    first = pull_faq(helpdesk.source(), state)
    cursor = first.snapshot.cursor
    assert cursor is not None
    # The new title must be newer than the cursor (the cursor overlaps the pull start).
    helpdesk.post(
        "/_articles", [{"id": 4400101, "locale": "ja", "title": "パスワードを忘れたとき（改訂）"}]
    )
    second = pull_faq(helpdesk.source(), state)
    entry = next(e for e in second.snapshot.entries if e.key == ("4400101", "ja"))
    assert entry.title == "パスワードを忘れたとき（改訂）"


def test_withdrawn_in_change_list_is_remembered(helpdesk: Helpdesk, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    pull_faq(helpdesk.source(), state)
    helpdesk.post("/_withdraw", {"id": 4400102, "locale": "ja"})
    outcome = pull_faq(helpdesk.source(), state)
    assert ("4400102", "ja") not in {e.key for e in outcome.snapshot.entries}
    assert ("4400102", "ja") in {(w.id, w.locale) for w in outcome.snapshot.withdrawn}
    reloaded = load_snapshot(state)
    assert reloaded is not None and any(w.id == "4400102" for w in reloaded.withdrawn)


def test_deleted_upstream_shows_up_in_the_next_full_listing(
    helpdesk: Helpdesk, tmp_path: Path
) -> None:
    state = tmp_path / "s.json"
    pull_faq(helpdesk.source(), state)
    helpdesk.post("/_delete", {"id": 4400103})
    outcome = pull_faq(helpdesk.source(), state, options=PullOptions(full_every=timedelta(0)))
    assert outcome.mode == "full"
    assert "4400103" in {w.id for w in outcome.snapshot.withdrawn}


FAULTS = [
    pytest.param({"fault": "500"}, "unreachable", id="http-500"),
    pytest.param({"fault": "slow", "delay": 3}, "unreachable", id="timeout"),
    pytest.param({"fault": "trickle", "delay": 0.2}, "unreachable", id="slow-body-total-timeout"),
    pytest.param({"fault": "429", "retry_after": 1}, "unreachable", id="429-persistent"),
    pytest.param({"fault": "malformed"}, "bad-data", id="malformed-json"),
    pytest.param({"fault": "truncate", "fault_page": 3}, "bad-data", id="truncated-page-3"),
    pytest.param({"fault": "drop"}, "unreachable", id="connection-dropped"),
]


@pytest.mark.parametrize(("settings", "kind"), FAULTS)
def test_faults_fall_back_to_last_good_with_a_note(
    helpdesk: Helpdesk, tmp_path: Path, settings: dict, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    state = tmp_path / "s.json"
    good = pull_faq(helpdesk.source(), state, options=PullOptions(full_every=timedelta(0)))
    before = state.read_bytes()
    helpdesk.control(**settings, fault_path="/api/")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="wardsite.faq"):
        outcome = pull_faq(helpdesk.source(), state, options=PullOptions(full_every=timedelta(0)))
    assert time.monotonic() - started < 30
    assert not outcome.fresh
    assert outcome.mode == "last-good"
    assert outcome.stale_kind == kind
    assert outcome.snapshot.pulled_at == good.snapshot.pulled_at
    assert len(outcome.snapshot.entries) == len(PUBLISHED)
    note = outcome.staleness_note("ja")
    assert note is not None and note.startswith("この FAQ は ") and "時点の内容です（" in note
    assert state.read_bytes() == before  # the last good snapshot is untouched
    assert outcome.reason and outcome.reason in caplog.text  # the build log says why


def test_connection_refused_falls_back(tmp_path: Path, free_port: int, helpdesk: Helpdesk) -> None:
    state = tmp_path / "s.json"
    pull_faq(helpdesk.source(), state)
    dead = Helpdesk(f"http://127.0.0.1:{free_port}")
    outcome = pull_faq(dead.source(), state)
    assert outcome.mode == "last-good" and outcome.stale_kind == "unreachable"
    assert "接続できなかった" in (outcome.staleness_note() or "")


def test_fresh_clone_offline_publishes_the_bundled_snapshot(tmp_path: Path, free_port: int) -> None:
    dead = Helpdesk(f"http://127.0.0.1:{free_port}")
    outcome = pull_faq(dead.source(), tmp_path / "none.json")
    assert outcome.mode == "bundled"
    bundled = load_snapshot(BUNDLED_SNAPSHOT)
    assert bundled is not None and len(bundled.entries) >= 80
    assert len(outcome.snapshot.entries) == len(bundled.entries)
    assert outcome.staleness_note() is not None
    assert not (tmp_path / "none.json").exists()


def test_retry_after_is_honoured_then_the_pull_succeeds(helpdesk: Helpdesk, tmp_path: Path) -> None:
    helpdesk.control(fault="429", retry_after=1, fault_count=1, fault_path="/api/")
    started = time.monotonic()
    outcome = pull_faq(helpdesk.source(), tmp_path / "s.json")
    assert outcome.fresh
    assert time.monotonic() - started >= 0.9


def test_500_once_is_retried(helpdesk: Helpdesk, tmp_path: Path) -> None:
    helpdesk.control(fault="500", fault_count=1, fault_path="/api/")
    assert pull_faq(helpdesk.source(), tmp_path / "s.json").fresh


def test_strict_mode_fails_the_build(helpdesk: Helpdesk, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    pull_faq(helpdesk.source(), state)
    helpdesk.control(fault="500", fault_path="/api/")
    with pytest.raises(FaqStrictError) as caught:
        pull_faq(helpdesk.source(), state, options=PullOptions(strict=True))
    assert "HTTP 500" in str(caught.value)


def test_response_size_cap(helpdesk: Helpdesk, tmp_path: Path) -> None:
    small = HttpLimits(**{**FAST.__dict__, "max_bytes": 2000})
    outcome = pull_faq(helpdesk.source(limits=small), tmp_path / "s.json")
    assert outcome.stale_kind == "bad-data" and "大きすぎます" in (outcome.reason or "")


def test_entry_count_cap(helpdesk: Helpdesk, tmp_path: Path) -> None:
    outcome = pull_faq(helpdesk.source(max_entries=20), tmp_path / "s.json")
    assert not outcome.fresh and "上限" in (outcome.reason or "")


def test_sudden_drop_is_not_trusted(helpdesk: Helpdesk, tmp_path: Path) -> None:
    state = tmp_path / "s.json"
    pull_faq(helpdesk.source(), state)
    for article in PUBLISHED[:70]:
        helpdesk.post("/_delete", {"id": article["id"]})
    outcome = pull_faq(helpdesk.source(), state, options=PullOptions(full_every=timedelta(0)))
    assert outcome.stale_kind == "suspicious"
    assert len(outcome.snapshot.entries) == len(PUBLISHED)


def test_token_never_appears_in_output_or_logs(
    helpdesk: Helpdesk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = "s3cr3t-TOKEN-value-0123456789"
    helpdesk.control(token=secret)
    state = tmp_path / "s.json"
    with caplog.at_level(logging.DEBUG):
        ok = pull_faq(helpdesk.source(token=secret), state)
        assert ok.fresh
        helpdesk.control(token="another-token-the-client-lacks")
        failed = pull_faq(helpdesk.source(token=secret), state)
        assert failed.stale_kind == "unreachable" and "401" in (failed.reason or "")
        helpdesk.control(token=None, fault="500", fault_path="/api/")
        with pytest.raises(FaqStrictError) as caught:
            pull_faq(helpdesk.source(token=secret), state, options=PullOptions(strict=True))
    out = capsys.readouterr()
    everything = caplog.text + out.out + out.err + str(caught.value) + state.read_text()
    everything += repr(failed) + repr(ok.snapshot.to_dict())
    assert secret not in everything


def test_pull_time_is_recorded(helpdesk: Helpdesk, tmp_path: Path) -> None:
    now = datetime(2026, 11, 20, 0, 0, tzinfo=UTC)
    state = tmp_path / "s.json"
    pull_faq(helpdesk.source(), state, now=now)
    dead_note = pull_faq(Helpdesk("http://127.0.0.1:9").source(), state).staleness_note()
    assert (
        dead_note
        == "この FAQ は 2026-11-20 09:00 時点の内容です（ヘルプデスクに接続できなかったため）"
    )
