"""The build and the trainers' publish command read sessions/*.yml with one model.

Failed before: the publish command matched the file by ``track``/``number``
alone, so it published into a file the build then rejected (a wrong level, a
material outside the session's folder), and said something else than the build
about a wrong chapter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sessionkit import SESSION_YML, VTT

from wardsite.sessions.metadata import load_sessions, read_yaml
from wardsite_ops.sessions.publish import EXIT_METADATA, EXIT_OK, main

FOLDER = "media/sessions/hands-on-07"
PDF = b"%PDF-1.4\n%%EOF\n"


def _publish(repo: Path, *args: str | Path) -> int:
    return main([*(str(a) for a in args), "--root", str(repo), "--no-progress"])


def _files(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in repo.rglob("*") if p.is_file()}


MATERIALS = "materials:\n  - "
REJECTED = {
    "level": SESSION_YML.replace("level: 基礎", "level: 初級"),
    "material outside the folder": SESSION_YML + MATERIALS + "{title: 資料, file: ../org.yml}\n",
    "material without a title": SESSION_YML + MATERIALS + f"{{file: {FOLDER}/notes.pdf}}\n",
    "material not there": SESSION_YML + MATERIALS + f"{{title: 資料, file: {FOLDER}/x.pdf}}\n",
    "chapter time": SESSION_YML + 'chapters:\n  - {time: "1:75", title: はじめに}\n',
    "unknown field": SESSION_YML + "titel: 別の題\n",
}


@pytest.mark.parametrize("text", REJECTED.values(), ids=REJECTED)
def test_a_file_the_build_rejects_is_refused_with_the_same_message(
    repo: Path, write: Callable[[str, str], Path], text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "sessions" / "hands-on-07.yml").write_text(text, encoding="utf-8")
    (repo / FOLDER).mkdir(parents=True)
    (repo / FOLDER / "notes.pdf").write_bytes(PDF)
    (repo / "org.yml").write_text("name: 区\n", encoding="utf-8")
    errors = load_sessions(repo / "sessions", repo, probe_videos=False).errors
    assert errors
    captions = write("a.vtt", VTT)
    before = _files(repo)
    # refused before the video is even opened: no ffmpeg needed
    code = _publish(repo, "7", "--video", repo / "none.mp4", "--captions", captions)
    err = capsys.readouterr().err
    assert code == EXIT_METADATA, err
    for error in errors:
        assert str(error) in err
    assert _files(repo) == before


def test_a_file_the_command_accepts_builds(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path]
) -> None:
    """Chapters and materials already in the file are kept; a broken recording is replaced."""
    (repo / FOLDER).mkdir(parents=True)
    (repo / FOLDER / "notes.pdf").write_bytes(PDF)
    text = SESSION_YML + (
        "materials:\n"
        "  - {title: 手引き, url: https://example.org/guide.pdf}\n"
        f"  - {{title: メモ, file: {FOLDER}/notes.pdf}}\n"
        'chapters:\n  - {time: "00:01", title: 承認}\n  - {time: "00:00", title: はじめに}\n'
        "recording: 壊れた\n"
    )
    (repo / "sessions" / "hands-on-07.yml").write_text(text, encoding="utf-8")
    slides = write("deck.pdf", "")
    slides.write_bytes(PDF)
    captions = write("a.vtt", VTT)
    code = _publish(repo, "7", "--video", clips["h264"], "--captions", captions, "--slides", slides)
    assert code == EXIT_OK
    catalogue = load_sessions(repo / "sessions", repo)
    assert catalogue.errors == ()
    (session,) = catalogue.sessions
    assert [m.title for m in session.materials] == ["スライド（PDF）", "手引き", "メモ"]
    assert [c.title for c in session.chapters] == ["はじめに", "承認"]
    data = read_yaml(repo / "sessions" / "hands-on-07.yml", "x")
    assert data["materials"][1] == {"title": "手引き", "url": "https://example.org/guide.pdf"}


def test_a_chapter_in_the_file_past_the_new_video_is_refused_as_the_build_says(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], capsys
) -> None:
    """Failed before: the command worded it its own way (「チャプター「遅すぎ」の時刻 …」)."""
    captions = write("a.vtt", VTT)
    assert _publish(repo, "7", "--video", clips["h264"], "--captions", captions) == EXIT_OK
    meta = repo / "sessions" / "hands-on-07.yml"
    meta.write_text(
        meta.read_text("utf-8") + 'chapters:\n  - {time: "00:00", title: はじめに}\n'
        '  - {time: "05:00", title: 遅すぎ}\n',
        encoding="utf-8",
    )
    (error,) = load_sessions(repo / "sessions", repo).errors
    before = _files(repo)
    capsys.readouterr()
    code = _publish(repo, "7", "--video", clips["h264"], "--captions", captions)
    assert code == EXIT_METADATA
    assert str(error) in capsys.readouterr().err
    assert _files(repo) == before
