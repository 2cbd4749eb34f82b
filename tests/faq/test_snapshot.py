"""Snapshot files: round trip, atomic write, damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardsite.errors import SiteInputError
from wardsite.faq.pull import BUNDLED_SNAPSHOT
from wardsite.faq.snapshot import load_snapshot, save_snapshot


def test_round_trip(tmp_path: Path) -> None:
    snap = load_snapshot(BUNDLED_SNAPSHOT)
    assert snap is not None
    save_snapshot(tmp_path / "s.json", snap)
    again = load_snapshot(tmp_path / "s.json")
    assert again == snap
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]  # no temporary file left


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snap = load_snapshot(BUNDLED_SNAPSHOT)
    assert snap is not None
    path = tmp_path / "s.json"
    save_snapshot(path, snap)
    before = path.read_bytes()

    def boom(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        save_snapshot(path, snap)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]


def test_damaged_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"format": 1, "entries": [', encoding="utf-8")
    with pytest.raises(SiteInputError) as caught:
        load_snapshot(path)
    assert "s.json" in str(caught.value)


def test_missing_file_is_none(tmp_path: Path) -> None:
    assert load_snapshot(tmp_path / "nothing.json") is None
