"""The trainers' publish command, end to end with real ffmpeg on generated clips."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sessionkit import VTT, make_clip

from wardsite.errors import SiteInputError
from wardsite.sessions import media
from wardsite.sessions.metadata import load_sessions, read_yaml
from wardsite_ops.sessions.publish import (
    EXIT_CAPTIONS,
    EXIT_METADATA,
    EXIT_OK,
    EXIT_SLIDES,
    EXIT_TOO_LARGE,
    EXIT_VIDEO,
    main,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def run(repo: Path, *args: str | Path) -> int:
    return main([*(str(a) for a in args), "--root", str(repo), "--no-progress"])


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def published(repo: Path, field: str) -> Path:
    """The file the session's metadata points at (``video``, ``poster``, ``captions``)."""
    data = read_yaml(repo / "sessions" / "hands-on-07.yml", "x")
    return repo / data["recording"][field]


def snapshot(repo: Path) -> dict[str, str]:
    """Every file under the repo with a hash of its content."""
    return {
        p.relative_to(repo).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(repo.rglob("*"))
        if p.is_file()
    }


def test_h264_input_is_published_and_the_site_validates(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], capsys
) -> None:
    captions = write("rec.vtt", VTT)
    chapters = write("ch.txt", "# チャプター\n00:00 はじめに\n00:01 承認する\n")
    slides = repo / "inputs" / "deck.pdf"
    slides.write_bytes(PDF)
    code = run(
        repo,
        "7",
        "--video",
        clips["h264"],
        "--captions",
        captions,
        "--chapters",
        chapters,
        "--slides",
        slides,
    )
    out, err = capsys.readouterr()
    assert code == EXIT_OK, err
    key = "media/sessions/hands-on-07"
    assert f"  git add sessions/hands-on-07.yml {key}" in out.splitlines()
    assert "そのまま使える形式" in err
    video = published(repo, "video")
    info = media.probe(video)
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")
    data = read_yaml(repo / "sessions" / "hands-on-07.yml", "x")
    assert re.fullmatch(rf"{key}/video\.[0-9a-f]{{10}}\.mp4", data["recording"]["video"])
    assert data["recording"]["video"] == f"{key}/video.{sha(video)[:10]}.mp4"
    assert sorted(p.name.split(".")[0] for p in (repo / key).iterdir()) == [
        "captions",
        "poster",
        "slides",
        "video",
    ]
    assert data["chapters"] == [
        {"time": "00:00", "title": "はじめに"},
        {"time": "00:01", "title": "承認する"},
    ]
    (slides_entry,) = data["materials"]
    assert slides_entry["title"] == "スライド（PDF）"
    assert (repo / slides_entry["file"]).read_bytes() == PDF
    assert (
        (repo / "sessions" / "hands-on-07.yml").read_text(encoding="utf-8").startswith("# テスト用")
    )
    cat = load_sessions(repo / "sessions", repo)
    assert cat.errors == ()
    (session,) = cat.sessions
    assert session.recording is not None and len(session.recording.cues) == 2
    assert not [p for p in repo.rglob("*publish-*")]


@pytest.mark.parametrize("kind", ["vp9", "mpeg4"])
def test_non_h264_input_is_converted(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], kind: str, capsys
) -> None:
    assert media.probe(clips[kind]).video_codec in ("vp9", "mpeg4")
    code = run(repo, "7", "--video", clips[kind], "--captions", write("rec.vtt", VTT))
    assert code == EXIT_OK, capsys.readouterr().err
    info = media.probe(published(repo, "video"))
    assert (info.format_name, info.video_codec, info.pix_fmt, info.audio_codec) == (
        "mov,mp4,m4a,3gp,3g2,mj2",
        "h264",
        "yuv420p",
        "aac",
    )
    assert abs(info.duration - 2.0) < 0.2
    # +faststart: the index (moov) comes before the media data (mdat).
    head = published(repo, "video").read_bytes()
    assert head.index(b"moov") < head.index(b"mdat")
    assert "H.264/AAC の MP4 に変換しました" in capsys.readouterr().err


def test_broken_captions_fail_and_lose_nothing(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], capsys
) -> None:
    assert run(repo, "7", "--video", clips["h264"], "--captions", write("ok.vtt", VTT)) == EXIT_OK
    broken = write("broken.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:xx.000\n壊れています\n")
    before = snapshot(repo)
    capsys.readouterr()
    code = run(repo, "7", "--video", clips["vp9"], "--captions", broken)
    err = capsys.readouterr().err
    assert code == EXIT_CAPTIONS == 4
    assert "エラー:" in err and "broken.vtt" in err and "字幕ファイル" in err
    assert "終了コード 4" in err
    assert snapshot(repo) == before


def test_video_too_large_for_git_is_refused_without_changes(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], capsys
) -> None:
    captions = write("rec.vtt", VTT)
    before = snapshot(repo)
    code = run(
        repo, "7", "--video", clips["h264"], "--captions", captions, "--max-commit-mb", "0.001"
    )
    err = capsys.readouterr().err
    assert code == EXIT_TOO_LARGE
    assert "git に入れられるのは 0.001 MB まで" in err and "--media-base-url" in err
    assert snapshot(repo) == before
    assert not (repo / "media").exists() or not any((repo / "media").rglob("*.*"))


def test_media_server_mode_commits_only_metadata_and_captions(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], tmp_path: Path, capsys
) -> None:
    server = tmp_path / "server"
    code = run(
        repo,
        "7",
        "--video",
        clips["mpeg4"],
        "--captions",
        write("rec.vtt", VTT),
        "--media-base-url",
        "https://media.city-sakura.example/training/",
        "--media-dir",
        server,
        "--max-commit-mb",
        "0.001",
    )
    out, err = capsys.readouterr()
    assert code == EXIT_OK, err
    assert "  git add sessions/hands-on-07.yml media/sessions/hands-on-07" in out
    (video,) = (server / "hands-on-07").glob("video.*.mp4")
    assert str(video) in out.split("git add")[0]
    assert [p.name.split(".")[0] for p in (repo / "media/sessions/hands-on-07").iterdir()] == [
        "captions"
    ]
    data = read_yaml(repo / "sessions" / "hands-on-07.yml", "x")
    assert data["recording"]["video"] == (
        f"https://media.city-sakura.example/training/hands-on-07/{video.name}"
    )
    cat = load_sessions(repo / "sessions", repo)
    assert cat.errors == () and cat.sessions[0].recording is not None


@pytest.mark.parametrize(
    ("video", "expected"),
    [("missing.mp4", "見つかりません"), ("notvideo.mp4", "動画として読み取れません")],
)
def test_bad_video(
    repo: Path, write: Callable[[str, str], Path], video: str, expected: str, capsys
) -> None:
    path = repo / "inputs" / video
    if video == "notvideo.mp4":
        write(video, "ただのテキスト")
    code = run(repo, "7", "--video", path, "--captions", write("rec.vtt", VTT))
    assert code == EXIT_VIDEO
    assert expected in capsys.readouterr().err


def test_chapters_beyond_the_video(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], capsys
) -> None:
    chapters = write("ch.txt", "00:00 はじめに\n10:00 遅すぎ\n")
    code = run(
        repo,
        "7",
        "--video",
        clips["h264"],
        "--captions",
        write("rec.vtt", VTT),
        "--chapters",
        chapters,
    )
    assert code == EXIT_METADATA
    assert "遅すぎ" in capsys.readouterr().err


def test_slides_must_be_pdf_and_session_must_exist(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], capsys
) -> None:
    captions = write("rec.vtt", VTT)
    code = run(
        repo,
        "7",
        "--video",
        clips["h264"],
        "--captions",
        captions,
        "--slides",
        write("deck.pptx", "not a pdf"),
    )
    assert code == EXIT_SLIDES
    assert "PDF ではありません" in capsys.readouterr().err
    assert run(repo, "9", "--video", clips["h264"], "--captions", captions) == EXIT_METADATA
    assert "sessions/hands-on-09.yml" in capsys.readouterr().err


def test_command_line_as_trainers_run_it(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path]
) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cmd = [
        sys.executable,
        "-m",
        "wardsite_ops.sessions.publish",
        "7",
        "--root",
        str(repo),
        "--video",
        str(clips["vp9"]),
        "--captions",
    ]
    bad = subprocess.run(
        [*cmd, str(write("bad.srt", "壊れた字幕"))],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == EXIT_CAPTIONS
    assert "エラー:" in bad.stderr and bad.stdout == ""
    good = subprocess.run(
        [*cmd, str(write("ok.vtt", VTT))], capture_output=True, text=True, env=env, check=False
    )
    assert good.returncode == EXIT_OK, good.stderr
    assert "git add sessions/hands-on-07.yml" in good.stdout


def _truncated(tmp_path: Path, keep: float) -> tuple[Path, Path]:
    """A 10 s clip and a partly downloaded copy of it: header at the front intact, data cut."""
    full = make_clip(tmp_path / "full.mp4", seconds=10)
    faststart = tmp_path / "fs.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-i", full, "-c", "copy", "-movflags", "+faststart", faststart],
        check=True,
    )
    data = faststart.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: int(len(data) * keep)])
    return faststart, cut


def test_truncated_video_is_refused_with_download_again(
    repo: Path, tmp_path: Path, write: Callable[[str, str], Path], capsys
) -> None:
    """Failed before: the header's length was trusted and the cut file published (exit 0)."""
    _, cut = _truncated(tmp_path, 0.4)
    assert media.probe(cut).duration == pytest.approx(10, abs=0.2)  # the header still says 10 s
    captions = write("rec.vtt", VTT)
    before = snapshot(repo)
    code = run(repo, "7", "--video", cut, "--captions", captions)
    err = capsys.readouterr().err
    assert code == EXIT_VIDEO, err
    assert "途中までしかありません" in err and "もう一度ダウンロード" in err
    assert snapshot(repo) == before


def test_decoded_length_is_the_real_length(tmp_path: Path) -> None:
    full, cut = _truncated(tmp_path, 0.9)
    with pytest.raises(SiteInputError, match="途中までしかありません"):
        media.decoded_duration(cut, media.probe(cut))
    assert media.decoded_duration(full, media.probe(full)) == pytest.approx(10, abs=0.15)


def test_cue_ending_25_seconds_after_the_video_is_refused(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], capsys
) -> None:
    late = write("late.vtt", VTT + "\n00:00:01.500 --> 00:00:27.000\n長すぎる最後\n")
    before = snapshot(repo)
    code = run(repo, "7", "--video", clips["h264"], "--captions", late)
    assert code == EXIT_CAPTIONS
    assert "00:00:27 まで続きます" in capsys.readouterr().err
    assert snapshot(repo) == before


def test_republishing_gives_new_names_and_removes_only_the_replaced_files(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], capsys
) -> None:
    """Failed before: a republished video kept the name video.mp4 (caches kept the old one)."""
    assert run(repo, "7", "--video", clips["h264"], "--captions", write("a.vtt", VTT)) == 0
    first = published(repo, "video")
    assert run(repo, "7", "--video", clips["vp9"], "--captions", write("b.vtt", VTT)) == 0
    second = published(repo, "video")
    assert second.name != first.name and second.is_file()
    assert not first.exists()  # replaced in the same commit as the new metadata
    out = capsys.readouterr().out
    assert "置き換えたので消しました" in out and first.name in out
    # The same input again: same names, nothing removed.
    assert run(repo, "7", "--video", clips["vp9"], "--captions", write("b.vtt", VTT)) == 0
    assert published(repo, "video") == second and second.is_file()
    assert load_sessions(repo / "sessions", repo).errors == ()


def test_republishing_to_the_media_server_keeps_the_live_files(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], tmp_path: Path
) -> None:
    """The live site links to the old video until the new build is out: it stays."""
    server = tmp_path / "server"
    args = ["--media-base-url", "https://media.example/t", "--media-dir", str(server)]
    captions = write("a.vtt", VTT)
    assert run(repo, "7", "--video", clips["h264"], "--captions", captions, *args) == 0
    assert run(repo, "7", "--video", clips["vp9"], "--captions", captions, *args) == 0
    assert len(list((server / "hands-on-07").glob("video.*.mp4"))) == 2


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["abc"], "「abc」は研修の回として使えません"),
        (["0"], "「0」は研修の回として使えません"),
        (["7", "--track", "dx"], "--track の「dx」は使えません。hands-on・dx-mindset"),
        (["7", "--bogus"], "「--bogus」は知らない指定です"),
        ([], "研修の回（最初の数字）、--video、--captions を指定してください"),
    ],
)
def test_command_line_mistakes_are_explained_in_japanese(
    args: list[str], expected: str, capsys
) -> None:
    """Failed before: argparse printed its English errors."""
    full = [*args, "--video", "v.mp4", "--captions", "c.vtt"] if args else []
    with pytest.raises(SystemExit) as stop:
        main(full)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and "使い方:" in err
    assert "error:" not in err and "usage:" not in err and "invalid" not in err


def test_missing_chapters_file_is_explained_in_japanese(
    repo: Path, clips: dict[str, Path], write: Callable[[str, str], Path], capsys
) -> None:
    """Failed before: '[Errno 2] No such file or directory'."""
    code = run(
        repo,
        "7",
        "--video",
        clips["h264"],
        "--captions",
        write("a.vtt", VTT),
        "--chapters",
        repo / "none.txt",
    )
    err = capsys.readouterr().err
    assert code == EXIT_METADATA
    assert "none.txt" in err and "ファイルが見つかりません" in err and "Errno" not in err
