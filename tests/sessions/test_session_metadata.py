"""Validation of sessions/*.yml: every problem collected, named by file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError
from sessionkit import SESSION_YML, VTT, needs_ffmpeg

from wardsite.sessions.metadata import load_sessions, replace_top_level
from wardsite.sessions.model import LEVELS, STATUS_PREPARING, STATUS_RECORDED
from wardsite.sessions.sessionfile import SessionFile, read_session_file

REPO = Path(__file__).resolve().parents[2]

RECORDING = """\
recording:
  video: media/sessions/hands-on-07/video.mp4
  captions: media/sessions/hands-on-07/captions.vtt
  duration: 2.0
"""


def _repo(tmp_path: Path, **files: str) -> Path:
    (tmp_path / "sessions").mkdir(exist_ok=True)
    for name, text in files.items():
        (tmp_path / "sessions" / f"{name}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def _media(root: Path, video: bytes = b"\x00fake", captions: str = VTT) -> None:
    folder = root / "media" / "sessions" / "hands-on-07"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "video.mp4").write_bytes(video)
    (folder / "captions.vtt").write_text(captions, encoding="utf-8")


def _errors(root: Path, probe: bool = False) -> list[tuple[str, str, str]]:
    cat = load_sessions(root / "sessions", root, probe_videos=probe)
    return [(e.file, e.field, str(e)) for e in cat.errors]


def test_the_real_sessions_folder_is_valid() -> None:
    cat = load_sessions(REPO / "sessions", REPO)
    assert cat.errors == ()
    hands_on = cat.by_track("hands-on")
    assert [s.number for s in hands_on] == list(range(1, 16))
    assert {s.level for s in hands_on[:8]} == {"基礎"} and {s.level for s in hands_on[8:]} == {
        "応用"
    }
    assert hands_on[11].title == "α′モデルのネットワークとファイルの無害化"
    assert [s.number for s in cat.by_track("dx-mindset")] == [1, 2, 3]
    recorded = [s for s in cat.sessions if s.status == STATUS_RECORDED]
    assert len(recorded) == 3 and all(s.recording and s.recording.sample for s in recorded)
    assert all(s.recording and s.recording.cues and s.chapters for s in recorded)


def test_valid_session_without_recording_is_preparing(tmp_path: Path) -> None:
    root = _repo(tmp_path, a=SESSION_YML)
    cat = load_sessions(root / "sessions", root)
    assert cat.errors == ()
    assert cat.sessions[0].status == STATUS_PREPARING
    assert cat.sessions[0].display_title == "第7回 テレワークの始め方"


def test_missing_required_field(tmp_path: Path) -> None:
    root = _repo(tmp_path, a=SESSION_YML.replace("trainer: 情報政策課 研修担当\n", ""))
    cat = load_sessions(root / "sessions", root)
    assert cat.sessions == ()
    (error,) = cat.errors
    assert (error.file, error.field) == ("sessions/a.yml", "trainer")
    assert "必須" in str(error) and "個人名は書きません" in str(error)


def test_unknown_level_and_track(tmp_path: Path) -> None:
    text = SESSION_YML.replace("level: 基礎", "level: 初級").replace("hands-on", "handson")
    errors = _errors(_repo(tmp_path, a=text))
    fields = {field for _, field, _ in errors}
    assert fields == {"level", "track"}
    message = next(m for _, f, m in errors if f == "level")
    assert "「初級」は知らないレベル" in message and all(level in message for level in LEVELS)


def test_duplicate_number_names_both_files(tmp_path: Path) -> None:
    root = _repo(tmp_path, a=SESSION_YML, b=SESSION_YML.replace("テレワークの始め方", "別の題"))
    cat = load_sessions(root / "sessions", root)
    assert len(cat.sessions) == 1
    (error,) = cat.errors
    assert (error.file, error.field) == ("sessions/b.yml", "number")
    assert "sessions/a.yml" in str(error) and "重複" in str(error)


def test_same_number_in_another_track_is_fine(tmp_path: Path) -> None:
    other = SESSION_YML.replace("track: hands-on", "track: dx-mindset")
    cat = load_sessions(_repo(tmp_path, a=SESSION_YML, b=other) / "sessions", tmp_path)
    assert cat.errors == () and len(cat.sessions) == 2


def test_broken_yaml_is_reported_with_a_line(tmp_path: Path) -> None:
    ((file, field, message),) = _errors(_repo(tmp_path, a="title: [壊れた\nnumber: 1\n"))
    assert (file, field) == ("sessions/a.yml", "(ファイル全体)")
    assert "行目" in message


def test_missing_video_keeps_the_session_as_preparing(tmp_path: Path) -> None:
    root = _repo(tmp_path, a=SESSION_YML + RECORDING)
    (root / "media" / "sessions" / "hands-on-07").mkdir(parents=True)
    (root / "media" / "sessions" / "hands-on-07" / "captions.vtt").write_text(VTT, encoding="utf-8")
    cat = load_sessions(root / "sessions", root, probe_videos=False)
    assert cat.sessions[0].status == STATUS_PREPARING
    (error,) = cat.errors
    assert (error.file, error.field) == ("sessions/a.yml", "recording.video")
    assert "media/sessions/hands-on-07/video.mp4" in str(error) and "見つかりません" in str(error)


@needs_ffmpeg
def test_unreadable_video_is_caught_by_ffprobe(tmp_path: Path) -> None:
    root = _repo(tmp_path, a=SESSION_YML + RECORDING)
    _media(root, video=b"this is not a video at all")
    ((file, field, message),) = _errors(root, probe=True)
    assert file.startswith("sessions/a.yml") and field == "動画ファイル"
    assert "動画として読み取れません" in message


def test_empty_video_file(tmp_path: Path) -> None:
    root = _repo(tmp_path, a=SESSION_YML + RECORDING)
    _media(root, video=b"")
    ((_, field, message),) = _errors(root)
    assert field == "recording.video" and "空のファイル" in message


@pytest.mark.parametrize(
    ("captions", "expected"),
    [(None, "見つかりません"), ("WEBVTT\n\n00:00:zz --> 1\nx\n", "書き方が正しくありません")],
)
def test_missing_or_broken_captions(tmp_path: Path, captions: str | None, expected: str) -> None:
    root = _repo(tmp_path, a=SESSION_YML + RECORDING)
    _media(root, captions=captions or VTT)
    if captions is None:
        (root / "media" / "sessions" / "hands-on-07" / "captions.vtt").unlink()
    cat = load_sessions(root / "sessions", root, probe_videos=False)
    assert cat.sessions[0].recording is None
    (error,) = cat.errors
    assert error.file.startswith("sessions/a.yml")
    assert "recording.captions" in error.file + error.field and expected in str(error)


def test_chapter_beyond_the_video_length(tmp_path: Path) -> None:
    chapters = (
        'chapters:\n  - {time: "00:01", title: はじめに}\n  - {time: "05:00", title: 遅すぎ}\n'
    )
    root = _repo(tmp_path, a=SESSION_YML + RECORDING + chapters)
    _media(root)
    cat = load_sessions(root / "sessions", root, probe_videos=False)
    assert [c.title for c in cat.sessions[0].chapters] == ["はじめに"]
    (error,) = cat.errors
    assert error.field == "chapters の2番目の time"
    assert "05:00" in str(error) and "動画の長さ（00:02）を超えています" in str(error)


def test_all_problems_of_a_file_are_collected(tmp_path: Path) -> None:
    text = SESSION_YML.replace("level: 基礎", "level: 上級").replace("length: 60", "length: 長い")
    text = text.replace("goals:\n  - テレワークを申請できる\n", "")
    fields = {field for _, field, _ in _errors(_repo(tmp_path, a=text))}
    assert fields == {"level", "length", "goals"}


def test_replace_top_level_keeps_comments_and_other_blocks() -> None:
    text = "# 説明\ntitle: A  # 題名\nrecording:\n  video: old.mp4\n\n# 次\nchapters:\n- time: 1\n"
    out = replace_top_level(text, "recording", {"video": "new.mp4"})
    assert (
        out
        == "# 説明\ntitle: A  # 題名\nrecording:\n  video: new.mp4\n\n# 次\nchapters:\n- time: 1\n"
    )
    assert replace_top_level("a: 1", "b", [1]) == "a: 1\nb:\n- 1\n"


def test_samples_folder_has_small_files_only() -> None:
    for path in (REPO / "media" / "samples").rglob("*"):
        if path.is_file():
            assert path.stat().st_size < 300_000, path


def test_misspelt_field_number_and_text_types_are_named_in_japanese(tmp_path: Path) -> None:
    text = SESSION_YML.replace("title:", "titel:").replace("number: 7", "number: 第7回")
    text = text.replace("trainer: 情報政策課 研修担当", "trainer: [情報政策課]")
    errors = {field: message for _, field, message in _errors(_repo(tmp_path, a=text))}
    assert set(errors) == {"titel", "title", "number", "trainer"}
    assert "知らない項目" in errors["titel"] and "使える項目は track, number" in errors["titel"]
    assert "必須" in errors["title"] and "「第7回」は回の番号として使えません" in errors["number"]
    assert "文字で書いてください" in errors["trainer"]
    assert all(m.startswith("sessions/a.yml: 「") for m in errors.values())


def test_nested_blocks_are_typed_and_one_bad_item_drops_only_itself(tmp_path: Path) -> None:
    """Failed before: an empty chapter title and misspelt keys passed unnoticed."""
    text = SESSION_YML + (
        "materials:\n"
        "  - {titel: 名簿, file: media/sessions/hands-on-07/a.pdf}\n"
        "  - {title: 手引き, url: https://example.org/guide.pdf}\n"
        "  - {title: 資料, file: ../org.yml}\n"
        "chapters:\n"
        '  - {time: "00:01", title: まとめ}\n'
        '  - {time: "00:xx", title: 読めない}\n'
        '  - {time: "00:00", title: ""}\n'
        '  - {time: "00:00", title: はじめに}\n'
        "recording:\n"
        "  video: media/sessions/hands-on-07/video.mp4\n"
        "  caption: media/sessions/hands-on-07/captions.vtt\n"
    )
    cat = load_sessions(_repo(tmp_path, a=text) / "sessions", tmp_path, probe_videos=False)
    (session,) = cat.sessions
    assert [m.title for m in session.materials] == ["手引き"]
    assert [(c.start, c.title) for c in session.chapters] == [(0, "はじめに"), (1, "まとめ")]
    assert session.recording is None
    errors = {e.field: str(e) for e in cat.errors}
    assert set(errors) == {
        "materials の1番目の titel",
        "materials の1番目の title",
        "materials の3番目の file",
        "chapters の2番目の time",
        "chapters の3番目の title",
        "recording.caption",
        "recording.captions",
    }
    assert "使える項目は title, file, url" in errors["materials の1番目の titel"]
    assert "使える項目は video, captions" in errors["recording.caption"]
    assert "「00:xx」は時刻として読めません" in errors["chapters の2番目の time"]
    assert "必須" in errors["chapters の3番目の title"]
    assert "録画は publish コマンドで登録してください" in errors["recording.captions"]
    assert all(m.startswith("sessions/a.yml: 「") for m in errors.values())


def test_a_later_check_names_the_item_by_its_place_in_the_file(tmp_path: Path) -> None:
    """After a wrong chapter is left out, the next message still counts from the file."""
    chapters = 'chapters:\n  - {time: "zz", title: 壊れた}\n  - {time: "05:00", title: 遅すぎ}\n'
    root = _repo(tmp_path, a=SESSION_YML + RECORDING + chapters)
    _media(root)
    fields = [field for _, field, _ in _errors(root)]
    assert fields == ["chapters の1番目の time", "chapters の2番目の time"]


def test_without_the_collecting_context_the_model_is_strict() -> None:
    """Code that validates a SessionFile directly gets every error, nothing left out silently."""
    data = yaml.safe_load(SESSION_YML + 'chapters:\n  - {time: "1:00", title: a}\n  - {time: x}\n')
    with pytest.raises(ValidationError) as caught:
        SessionFile.model_validate(data)
    assert {e["loc"] for e in caught.value.errors()} == {
        ("chapters", 1, "time"),
        ("chapters", 1, "title"),
    }
    checked, errors = read_session_file(data, "sessions/a.yml")
    assert checked is not None and [c.position for c in checked.chapters] == [1]
    assert [e.field for e in errors] == ["chapters の2番目の time", "chapters の2番目の title"]
