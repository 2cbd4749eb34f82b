"""publish-session on a GitHub Actions runner, from the files on the ward's media server.

The workflow ``.github/workflows/publish-session.yml`` passes the form's
answers as environment variables (never pasted into a shell script, so no
answer can run as a command); this module downloads the recording, the Teams
transcript and the optional slides / chapters from the media server, runs
:func:`wardsite_ops.sessions.publish.main` on them and writes what happened, in
Japanese, to the run's summary page. The workflow then commits the result on a
new branch and opens a pull request.

Environment (the workflow sets these)::

    SESSION_NUMBER, SESSION_TRACK           研修の回とコース
    RECORDING_URL, TRANSCRIPT_URL           録画と Teams のトランスクリプト（必須）
    SLIDES_URL, CHAPTERS_URL                スライドとチャプター（任意）
    SPEAKERS                                "山田 太郎=講師; 佐藤 花子=受講者"
    WARDSITE_MEDIA_BASE_URL                 メディアサーバーの公開 URL（ダウンロード元もここに限る）
    WARDSITE_MEDIA_DIR                      （任意）サーバーの共有フォルダー
    GITHUB_STEP_SUMMARY, GITHUB_OUTPUT      Actions が用意するファイル
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests

from wardsite.sessions.model import TRACKS, session_key
from wardsite_ops.sessions.publish import EXIT_CODES, EXIT_USAGE, EXIT_VIDEO
from wardsite_ops.sessions.publish import main as publish_main

#: Upper bound for one download (a 3-hour 1080p recording is well under this).
MAX_DOWNLOAD_BYTES = 20_000_000_000
CHUNK = 1 << 20


class RemoteError(Exception):
    """A problem with the form's answers or a download; the message is Japanese."""

    def __init__(self, code: int, message: str) -> None:
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class Request:
    number: int
    track: str
    recording: str
    transcript: str
    slides: str | None
    chapters: str | None
    speakers: tuple[str, ...]
    media_base_url: str | None
    media_dir: str | None


def read_request(env: Mapping[str, str]) -> Request:
    """The form's answers, checked; RemoteError naming the field otherwise."""

    def get(name: str) -> str:
        return (env.get(name) or "").strip()

    number = get("SESSION_NUMBER")
    if not number.isdigit() or int(number) < 1:
        raise RemoteError(
            EXIT_USAGE, f"「研修の回」の「{number}」は 1 以上の数字で書いてください。"
        )
    track = get("SESSION_TRACK") or "hands-on"
    if track not in TRACKS:
        raise RemoteError(EXIT_USAGE, f"「コース」は {' か '.join(TRACKS)} を選んでください。")
    base = get("WARDSITE_MEDIA_BASE_URL") or None
    urls = {}
    for name, label, required in (
        ("RECORDING_URL", "録画の URL", True),
        ("TRANSCRIPT_URL", "トランスクリプトの URL", True),
        ("SLIDES_URL", "スライドの URL", False),
        ("CHAPTERS_URL", "チャプターの URL", False),
    ):
        value = get(name)
        if not value:
            if required:
                raise RemoteError(
                    EXIT_USAGE,
                    f"「{label}」が空です。メディアサーバーの URL を貼り付けてください。",
                )
            urls[name] = None
            continue
        check_url(value, label, base)
        urls[name] = value
    speakers = tuple(s.strip() for s in re.split(r"[;；\n]", get("SPEAKERS")) if s.strip())
    for item in speakers:
        name, sep, role = item.partition("=")
        if not sep or not name.strip() or not role.strip():
            raise RemoteError(
                EXIT_USAGE,
                f"「話者の置き換え」の「{item}」は「Teams での名前=役割」の形で書いてください"
                "（複数は ; で区切ります）。",
            )
    return Request(
        number=int(number),
        track=track,
        recording=urls["RECORDING_URL"],  # type: ignore[arg-type]
        transcript=urls["TRANSCRIPT_URL"],  # type: ignore[arg-type]
        slides=urls["SLIDES_URL"],
        chapters=urls["CHAPTERS_URL"],
        speakers=speakers,
        media_base_url=base,
        media_dir=get("WARDSITE_MEDIA_DIR") or None,
    )


def check_url(url: str, label: str, base: str | None) -> None:
    """Only http(s) URLs, and only on the ward's media server when its address is known."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.username:
        raise RemoteError(
            EXIT_USAGE, f"「{label}」は https:// で始まる URL を貼り付けてください（{url[:80]}）。"
        )
    if base:
        allowed = urlsplit(base)
        if (parts.scheme, parts.netloc) != (allowed.scheme, allowed.netloc):
            raise RemoteError(
                EXIT_USAGE,
                f"「{label}」はメディアサーバー（{allowed.scheme}://{allowed.netloc}/）の URL に"
                f"してください（{parts.netloc} からは取り込みません）。",
            )


def download(url: str, dest: Path, label: str) -> Path:
    """Stream ``url`` to ``dest``; RemoteError if it fails or stops early."""
    try:
        with requests.get(url, stream=True, timeout=(15, 120)) as response:
            if response.status_code != 200:
                raise RemoteError(
                    EXIT_VIDEO,
                    f"{label}（{url}）をダウンロードできません"
                    f"（サーバーの応答 {response.status_code}）。"
                    "URL が正しいか、ファイルがメディアサーバーにあるか確かめてください。",
                )
            expected = response.headers.get("Content-Length")
            size = 0
            with dest.open("wb") as handle:
                for block in response.iter_content(CHUNK):
                    size += len(block)
                    if size > MAX_DOWNLOAD_BYTES:
                        raise RemoteError(EXIT_VIDEO, f"{label}（{url}）が大きすぎます。")
                    handle.write(block)
    except requests.RequestException:
        raise RemoteError(
            EXIT_VIDEO,
            f"{label}（{url}）をダウンロードできません（つながらないか、途中で切れました）。"
            "しばらくしてからもう一度実行してください。",
        ) from None
    if expected and expected.isdigit() and int(expected) != size:
        raise RemoteError(
            EXIT_VIDEO,
            f"{label}（{url}）のダウンロードが途中で切れました"
            f"（{size:,} / {int(expected):,} バイト）。"
            "もう一度実行してください。",
        )
    return dest


def _suffix(url: str, default: str) -> str:
    suffix = Path(urlsplit(url).path).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else default


def run(env: Mapping[str, str], root: Path, work: Path) -> tuple[int, str]:
    """Download and publish; returns (exit code, Japanese summary in Markdown)."""
    try:
        req = read_request(env)
        files = {
            "--video": download(
                req.recording, work / f"recording{_suffix(req.recording, '.mp4')}", "録画"
            ),
            "--captions": download(
                req.transcript,
                work / f"transcript{_suffix(req.transcript, '.vtt')}",
                "トランスクリプト",
            ),
        }
        if req.slides:
            files["--slides"] = download(req.slides, work / "slides.pdf", "スライド")
        if req.chapters:
            files["--chapters"] = download(req.chapters, work / "chapters.txt", "チャプター")
    except RemoteError as exc:
        return exc.code, f"## 公開できませんでした\n\n{exc}\n"
    args = [str(req.number), "--track", req.track, "--root", str(root), "--no-progress"]
    for flag, path in files.items():
        args += [flag, str(path)]
    for speaker in req.speakers:
        args += ["--speaker", speaker]
    if req.media_base_url:
        args += ["--media-base-url", req.media_base_url]
        args += ["--media-dir", req.media_dir or str(root / "build" / "media-upload")]
    code = publish_main(args)
    key = session_key(req.track, req.number)
    if code != 0:
        return code, (
            f"## 公開できませんでした（{EXIT_CODES.get(code, '')}）\n\n"
            "このページの「publish」の記録にある「エラー:」の行に、理由と直し方が書いてあります。"
            "直したら、もう一度「Run workflow」から実行してください。何も変更していません。\n"
        )
    upload = ""
    if req.media_base_url and not req.media_dir:
        upload = (
            "\n動画・ポスター画像（とスライド）は、このページ下の「Artifacts」の"
            f"「media-upload-{key}」にあります。メディアサーバーの "
            f"`{req.media_base_url.rstrip('/')}/{key}/` に置いてから、プルリクエストを"
            "マージしてください。\n"
        )
    return 0, (
        f"## {TRACKS[req.track]} 第{req.number}回の録画を公開する準備ができました\n\n"
        "プルリクエストができました。中身（字幕・チャプター）を確かめて、担当者がマージすると"
        "サイトに出ます。\n" + upload
    )


def main() -> int:
    env = os.environ
    root = Path(env.get("GITHUB_WORKSPACE") or Path.cwd())
    with tempfile.TemporaryDirectory(prefix="publish-inputs-") as tmp:
        code, summary = run(env, root, Path(tmp))
    print(summary, file=sys.stderr)
    if env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
            handle.write(summary)
    return code


if __name__ == "__main__":
    sys.exit(main())
