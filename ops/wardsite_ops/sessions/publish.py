"""The trainers' one command: publish a session's recording.

Usage (from the repository folder)::

    python -m wardsite_ops.sessions.publish 7 --video rec.mp4 --captions rec.vtt [--slides deck.pdf]
        [--chapters chapters.txt] [--track dx-mindset] [--speaker "山田 太郎=講師"]
        [--media-base-url https://media.example/training --media-dir /mnt/media/training]

What it does, in an order that never loses what is already published: read
the session's file with the build's own model and checks (a file the build
would reject is refused with the build's messages, except in the parts this
run rewrites) → probe the video (ffprobe) → read and check the captions and
chapters → decode the whole video to find its real length (a partly
downloaded file is refused) and check captions and chapters against it →
convert the video to browser-safe MP4 (H.264/AAC, +faststart) in a staging
folder outside the tracked tree (under ``.git/``) with a progress bar → poster
image → size limit for files that go into git → content-hashed names → the
new file text parsed again with the build's model → only then move the new
files into place, update ``sessions/<track>-NN.yml`` and remove the files it
replaced (signals wait until this is done) → print exactly what to ``git
add``. Ctrl+C, SIGTERM and a closed terminal stop it with nothing changed.

Where the media goes:

- default: ``media/sessions/<track>-NN/`` in the repository (served by the site,
  committed to git); a video over ``--max-commit-mb`` (default 25 MB) is refused.
- ``--media-base-url URL`` (or env ``WARDSITE_MEDIA_BASE_URL``): video, poster and
  slides go to the ward's media server; they are written to ``--media-dir`` (or env
  ``WARDSITE_MEDIA_DIR``, e.g. the server's shared folder) or, without one, to
  ``build/media-upload/`` with a note to upload them. Only the metadata and the
  captions (small text the transcript and search are built from) go into git.

Exit codes (scripts can rely on them):
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from wardsite.errors import SiteInputError
from wardsite.oserrors import describe_os_error
from wardsite.sessions import captions as captions_mod
from wardsite.sessions import media
from wardsite.sessions.metadata import (
    check_chapters,
    check_materials,
    read_yaml,
    replace_top_level,
)
from wardsite.sessions.model import TRACKS, Chapter, display_time, parse_time, session_key
from wardsite.sessions.paths import UnsafePathError, resolve_inside
from wardsite.sessions.sessionfile import SessionFile, SessionId, is_url, read_session_file
from wardsite_ops.sessions import interrupts
from wardsite_ops.sessions.cli import JapaneseArgumentParser, session_number

EXIT_OK = 0  # published
EXIT_INTERNAL = 1  # unexpected error (a bug): report it with the message shown
EXIT_USAGE = 2  # wrong command line (argparse)
EXIT_VIDEO = 3  # video missing, unreadable or not a video
EXIT_CAPTIONS = 4  # captions missing, malformed, empty or not matching the video
EXIT_METADATA = 5  # no or broken sessions/*.yml for this session, or bad chapters
EXIT_SLIDES = 6  # slides file missing or not a PDF
EXIT_TOO_LARGE = 7  # a file meant for git is over the size limit
EXIT_FFMPEG = 8  # ffmpeg/ffprobe missing, or the conversion failed
# Stopped by Ctrl+C / kill / closing the terminal: 128 + the signal (130, 143, 129).

EXIT_CODES = {
    EXIT_OK: "公開しました",
    EXIT_INTERNAL: "想定外のエラー（開発担当に連絡してください）",
    EXIT_USAGE: "コマンドの書き方の誤り",
    EXIT_VIDEO: "動画ファイルの問題",
    EXIT_CAPTIONS: "字幕ファイルの問題",
    EXIT_METADATA: "研修の情報ファイル（sessions/*.yml）またはチャプターの問題",
    EXIT_SLIDES: "スライド（PDF）の問題",
    EXIT_TOO_LARGE: "git に入れるには大きすぎる",
    EXIT_FFMPEG: "ffmpeg がない、または変換の失敗",
}
__doc__ = (__doc__ or "") + "\n".join(f"    {code}  {text}" for code, text in EXIT_CODES.items())

DEFAULT_MAX_COMMIT_MB = 25.0
REPO_MEDIA_DIR = "media/sessions"
SLIDES_TITLE = "スライド（PDF）"


class PublishError(Exception):
    """A failure with its exit code; the message is Japanese and says what to do."""

    def __init__(self, code: int, message: str) -> None:
        self.code = code
        super().__init__(message)


@dataclass
class PublishResult:
    metadata_file: Path
    git_add: list[str]  # repo-relative paths to commit
    upload: list[Path] = field(default_factory=list)  # files to put on the media server
    upload_to: str = ""
    removed: list[str] = field(default_factory=list)  # repo-relative, replaced files
    converted: bool = False
    duration: float = 0.0


@dataclass
class Options:
    root: Path
    track: str
    number: int
    video: Path
    captions: Path
    slides: Path | None = None
    chapters: Path | None = None
    speakers: dict[str, str] = field(default_factory=dict)
    media_base_url: str | None = None
    media_dir: Path | None = None
    max_commit_mb: float = DEFAULT_MAX_COMMIT_MB
    repo_media_dir: str = REPO_MEDIA_DIR
    sample: bool = False
    progress: bool = True


@dataclass(frozen=True)
class Found:
    """This session's file, read as the build reads it, and the problems the build would report."""

    path: Path
    name: str  # repo-relative, as messages name it
    checked: SessionFile | None
    problems: tuple[SiteInputError, ...]


def find_metadata(root: Path, track: str, number: int) -> Found:
    """The ``sessions/*.yml`` file describing this session, checked with the build's model."""
    key = session_key(track, number)
    for path in sorted((root / "sessions").glob("*.yml")):
        if path.name.startswith("_"):
            continue
        name = f"sessions/{path.name}"
        try:
            data = read_yaml(path, name)
            which = SessionId.model_validate(data)
        except (SiteInputError, ValidationError):
            continue
        if (which.track, which.number) != (track, number):
            continue
        checked, problems = read_session_file(data, name)
        if checked is not None:
            problems += check_materials(checked.materials, root, key, name)[1]
        return Found(path, name, checked, tuple(problems))
    raise PublishError(
        EXIT_METADATA,
        f"sessions/ に {TRACKS.get(track, track)} 第{number}回の情報ファイルがありません"
        f"（track: {track}、number: {number} のファイル）。"
        f"先に sessions/{key}.yml を作ってください（ほかの回のファイルを写して直せます）。",
    )


def _checked(found: Found, replaced: Sequence[str]) -> SessionFile:
    """The file's model, unless the build would report a problem in a part kept as it is.

    The parts this run rewrites (``replaced``: the recording, and the chapters
    with ``--chapters``) may be wrong: that is what republishing fixes.
    """
    kept = [p for p in found.problems if re.split(r"[. ]", p.field)[0] not in replaced]
    if kept or found.checked is None:
        raise _refused(found.name, kept or found.problems)
    return found.checked


def _refused(name: str, problems: Sequence[SiteInputError]) -> PublishError:
    """The build's own messages, after a line saying nothing was changed."""
    return PublishError(
        EXIT_METADATA,
        f"{name} に、サイトを作るときにエラーになる書き間違いがあります。"
        "直してから、もう一度実行してください（何も変更していません）。\n"
        + "\n".join(str(p) for p in problems),
    )


def read_chapters_file(path: Path) -> list[Chapter]:
    """Lines ``MM:SS タイトル`` (or ``H:MM:SS``); blank lines and ``#`` comments skipped."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PublishError(
            EXIT_METADATA, f"チャプターのファイル {name} を読めません（{describe_os_error(exc)}）。"
        ) from None
    except UnicodeDecodeError:
        raise PublishError(
            EXIT_METADATA,
            f"チャプターのファイル {name} の文字コードが UTF-8 ではありません。"
            "メモ帳で開き、「UTF-8」を選んで保存し直してください。",
        ) from None
    chapters: list[Chapter] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        stamp, _, title = line.replace("\u3000", " ").partition(" ")
        try:
            start = parse_time(stamp)
        except ValueError:
            raise PublishError(
                EXIT_METADATA,
                f"{name} の {lineno}行目: 「{stamp}」は時刻として読めません。"
                "「01:30 はじめに」のように、時刻・空白・題名の順で書いてください。",
            ) from None
        if not title.strip():
            raise PublishError(EXIT_METADATA, f"{name} の {lineno}行目: 題名がありません。")
        chapters.append(Chapter(start, title.strip()))
    return sorted(chapters, key=lambda c: c.start)


def _check_chapters(chapters: Sequence[Chapter], duration: float, where: str) -> None:
    for chapter in chapters:
        if chapter.start >= duration:
            raise PublishError(
                EXIT_METADATA,
                f"{where}: チャプター「{chapter.title}」の時刻 {display_time(chapter.start)} が"
                f"動画の長さ（{display_time(duration)}）を超えています。"
                "--chapters で正しいチャプターを指定してください。",
            )


def _chapters_yaml(chapters: Sequence[Chapter]) -> list[dict[str, str]]:
    return [{"time": display_time(c.start), "title": c.title} for c in chapters]


def _rel_path(path: Path, root: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


def _progress(
    opts: Options, total: float, label: str
) -> tuple[Callable[[float], None] | None, Callable[[], None]]:
    if opts.progress:
        return media.progress_bar(total, label)
    return None, lambda: None


def publish(
    opts: Options,
    out: Callable[[str], None] = print,
    guard: interrupts.Guard | None = None,
) -> PublishResult:
    """Do the whole publication; raise PublishError (nothing changed) on bad input.

    With ``guard`` (signal handlers installed by :func:`main`), a signal during
    the final moves waits until they are done.
    """
    root = opts.root
    if opts.track not in TRACKS:
        raise PublishError(EXIT_USAGE, f"--track は {' か '.join(TRACKS)} を指定してください。")
    found = find_metadata(root, opts.track, opts.number)
    replaced = ("recording", "chapters") if opts.chapters is not None else ("recording",)
    checked = _checked(found, replaced)
    meta_path, meta_name = found.path, found.name
    key = session_key(opts.track, opts.number)

    # 1. Inputs, cheapest checks first; nothing is written yet.
    try:
        info = media.probe(opts.video, str(opts.video))
    except SiteInputError as exc:
        raise PublishError(EXIT_VIDEO, str(exc)) from None
    out(
        f"動画: {display_time(info.duration)}、映像 {info.video_codec}、"
        f"音声 {info.audio_codec or 'なし'}、{info.width}×{info.height}"
    )
    # Captions first (fast), so a wrong file is caught before the long decode.
    try:
        cues = captions_mod.read_captions(
            opts.captions, speakers=opts.speakers, display_name=str(opts.captions)
        )
        captions_mod.check_against_duration(cues, info.duration, str(opts.captions))
    except SiteInputError as exc:
        raise PublishError(EXIT_CAPTIONS, str(exc)) from None
    chapters_file = read_chapters_file(opts.chapters) if opts.chapters is not None else None

    def chapters_within(duration: float) -> Sequence[Chapter]:
        if chapters_file is None:  # the file's own: checked as the build checks them
            kept, problems = check_chapters(checked.chapters, duration, meta_name)
            if problems:
                raise _refused(meta_name, problems)
            return kept
        _check_chapters(chapters_file, duration, str(opts.chapters))
        return chapters_file

    chapters = chapters_within(info.duration)
    # The header may promise more than the file holds: decode it to the end.
    update, close = _progress(opts, info.duration, "動画を最後まで確認しています")
    try:
        real = media.decoded_duration(opts.video, info, str(opts.video), update)
    except SiteInputError as exc:
        raise PublishError(EXIT_VIDEO, str(exc)) from None
    finally:
        close()
    try:
        captions_mod.check_against_duration(cues, real, str(opts.captions))
    except SiteInputError as exc:
        raise PublishError(EXIT_CAPTIONS, str(exc)) from None
    chapters = chapters_within(real)
    out(f"字幕: {len(cues)} 件を確認しました。")
    for note in captions_mod.overlap_warnings(cues, str(opts.captions)):
        out(f"注意: {note}")
    if opts.slides is not None:
        try:
            head = opts.slides.read_bytes()[:5]
        except OSError as exc:
            raise PublishError(
                EXIT_SLIDES, f"スライド {opts.slides} を読めません（{describe_os_error(exc)}）。"
            ) from None
        if head != b"%PDF-":
            raise PublishError(
                EXIT_SLIDES,
                f"スライド {opts.slides} は PDF ではありません。"
                "PowerPoint の「名前を付けて保存」で PDF を選んで保存してください。",
            )

    external = bool(opts.media_base_url)
    repo_dir = root / opts.repo_media_dir / key
    media_dest = (opts.media_dir or root / "build" / "media-upload") / key if external else repo_dir
    deferred = guard.deferred if guard is not None else interrupts.nothing_deferred

    # 2. Produce everything in a staging folder outside the tracked tree (under
    #    .git/ when there is one: same disk, so the final moves are renames).
    staging = Path(tempfile.mkdtemp(prefix="publish-session-", dir=staging_parent(root)))
    placed: list[Path] = []  # new files put in place (undone on failure)
    kept: list[Path] = []  # files already there under the same (content-hashed) name
    try:
        video_out = staging / "video.mp4"
        update, close = _progress(opts, real, "動画を変換しています")
        try:
            converted = media.make_browser_safe(opts.video, video_out, info, update)
            # the converted file's own length (containers differ by a few ms)
            info = media.probe(video_out, str(opts.video))
            media.make_poster(video_out, staging / "poster.jpg", info.duration)
        except (media.ConversionError, SiteInputError) as exc:
            raise PublishError(EXIT_FFMPEG, str(exc)) from None
        finally:
            close()
        out(
            "動画を H.264/AAC の MP4 に変換しました。"
            if converted
            else "動画はそのまま使える形式でした（先頭に索引を移しただけです）。"
        )
        (staging / "captions.vtt").write_text(
            captions_mod.to_webvtt(cues), encoding="utf-8", newline="\n"
        )
        if opts.slides is not None:
            shutil.copyfile(opts.slides, staging / "slides.pdf")

        limit = opts.max_commit_mb * 1_000_000
        if not external:
            for name in ("video.mp4", "slides.pdf"):
                size = (staging / name).stat().st_size if (staging / name).exists() else 0
                if size > limit:
                    raise PublishError(
                        EXIT_TOO_LARGE,
                        f"{'動画' if name == 'video.mp4' else 'スライド'}が {size / 1e6:.1f} MB"
                        f"あります。git に入れられるのは {opts.max_commit_mb:g} MB までです。"
                        "大きな録画はメディアサーバーに置きます: --media-base-url <公開URL> "
                        "--media-dir <サーバーの共有フォルダー> を付けて、"
                        "もう一度実行してください。"
                        "何も変更していません。",
                    )

        # Content-hashed names: a republished video gets a new address, so no
        # browser or proxy serves the old one from its cache.
        plain = ["video.mp4", "poster.jpg"] + (["slides.pdf"] if opts.slides else [])
        names = {n: hashed_name(staging / n) for n in [*plain, "captions.vtt"]}
        for n, hashed in names.items():
            os.replace(staging / n, staging / hashed)

        def href(name: str) -> str:
            if external:
                return f"{opts.media_base_url.rstrip('/')}/{key}/{names[name]}"  # type: ignore[union-attr]
            return _rel_path(repo_dir / names[name], root)

        recording: dict[str, Any] = {
            "video": href("video.mp4"),
            "captions": _rel_path(repo_dir / names["captions.vtt"], root),
            "poster": href("poster.jpg"),
            "duration": round(info.duration, 3),
        }
        if opts.sample:
            recording["sample"] = True
        text = meta_path.read_text(encoding="utf-8")
        text = replace_top_level(text, "recording", recording)
        if opts.chapters is not None:
            text = replace_top_level(text, "chapters", _chapters_yaml(chapters))
        if opts.slides is not None:
            field_name = "url" if external else "file"
            materials = [{"title": SLIDES_TITLE, field_name: href("slides.pdf")}]
            materials += [
                m.model_dump(exclude_none=True)
                for m in checked.materials
                if not _is_our_slides(m.href, key)
            ]
            text = replace_top_level(text, "materials", materials)
        _check_written(text, meta_name)
        (staging / "metadata.yml").write_text(text, encoding="utf-8", newline="\n")
        old = _local_files_of(checked, root, opts.repo_media_dir, key)

        # 3. Put everything in place. A signal arriving now waits until this is
        #    done; a failure undoes the moves, so the repository is either as
        #    before or completely updated.
        with deferred():
            try:
                for folder in {media_dest, repo_dir}:
                    folder.mkdir(parents=True, exist_ok=True)
                moves = [(names[n], media_dest) for n in plain]
                moves.append((names["captions.vtt"], repo_dir))
                for name, folder in moves:
                    dest = folder / name
                    if dest.exists():  # the same name is the same content: already there
                        kept.append(dest)
                        continue
                    _move(staging / name, dest)
                    placed.append(dest)
                _move(staging / "metadata.yml", meta_path)
            except BaseException:
                for path in placed:
                    with contextlib.suppress(OSError):
                        path.unlink()
                raise
            keep = {p.resolve() for p in [*placed, *kept]}
            removed = [p for p in old if p.resolve() not in keep]
            for path in removed:
                with contextlib.suppress(OSError):
                    path.unlink()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in (media_dest, repo_dir):
            with contextlib.suppress(OSError):
                folder.rmdir()  # removes only a folder that a failed run left empty

    git_add = [meta_name, _rel_path(repo_dir / names["captions.vtt"], root)]
    result = PublishResult(meta_path, git_add, converted=converted, duration=info.duration)
    result.removed = [_rel_path(p, root) for p in removed]
    if external:
        result.upload = [media_dest / names[n] for n in plain]
        result.upload_to = f"{opts.media_base_url.rstrip('/')}/{key}/"  # type: ignore[union-attr]
    else:
        git_add += [_rel_path(media_dest / names[n], root) for n in plain]
    return result


def hashed_name(path: Path, digits: int = 10) -> str:
    """``video.mp4`` → ``video.3f2a9c01b7.mp4`` (the first digits of its SHA-256)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    stem, dot, suffix = path.name.partition(".")
    return f"{stem}.{digest.hexdigest()[:digits]}{dot}{suffix}"


def staging_parent(root: Path) -> Path:
    """Where to stage: the repository's git folder (not part of the tracked tree).

    A worktree's ``.git`` is a file naming its git folder. Without git, the
    system's temporary folder.
    """
    dot_git = root / ".git"
    if dot_git.is_dir():
        return dot_git
    if dot_git.is_file():
        line = dot_git.read_text(encoding="utf-8", errors="replace").strip()
        if line.startswith("gitdir:"):
            folder = Path(line[len("gitdir:") :].strip())
            folder = folder if folder.is_absolute() else root / folder
            if folder.is_dir():
                return folder
    return Path(tempfile.gettempdir())


def _move(source: Path, dest: Path) -> None:
    """Rename (atomic on the same disk), or copy then delete across disks."""
    try:
        os.replace(source, dest)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        shutil.move(source, dest)


def _check_written(text: str, name: str) -> None:
    """The file about to be written reads without a problem (the build's model)."""
    data = yaml.safe_load(text)
    checked, problems = read_session_file(data if isinstance(data, dict) else {}, name)
    if checked is None or problems:
        raise PublishError(
            EXIT_INTERNAL,
            f"{name} に書こうとした内容が正しくありません（何も変更していません）。\n"
            + "\n".join(str(p) for p in problems),
        )


def _is_our_slides(href: str, key: str) -> bool:
    name = href.rsplit("/", 1)[-1]
    return f"/{key}/" in href and name.startswith("slides.") and name.endswith(".pdf")


def _local_files_of(checked: SessionFile, root: Path, media_dir: str, key: str) -> list[Path]:
    """Files in the session's repository folder that the current metadata points at.

    After a republication these are deleted (in the same commit as the new
    metadata); files on the media server are left for the server's own clean-up,
    since the site that is live until the new build still links to them.
    """
    values: list[str] = []
    rec = checked.recording
    if rec is not None:
        values += [v for v in (rec.video, rec.captions, rec.poster) if v is not None]
    values += [m.file for m in checked.materials if m.file and _is_our_slides(m.file, key)]
    out = []
    for value in values:
        if not value.startswith(f"{media_dir}/{key}/"):
            continue
        try:
            out.append(resolve_inside(root, value, key))
        except (UnsafePathError, OSError):
            continue
    return out


def _parse_speakers(values: Sequence[str]) -> dict[str, str]:
    speakers: dict[str, str] = {}
    for value in values:
        name, sep, label = value.partition("=")
        if not sep or not name.strip() or not label.strip():
            raise PublishError(
                EXIT_USAGE, f"--speaker「{value}」は「Teams での名前=役割」の形で書いてください。"
            )
        speakers[name.strip()] = label.strip()
    return speakers


def build_parser() -> JapaneseArgumentParser:
    parser = JapaneseArgumentParser(
        prog="python -m wardsite_ops.sessions.publish",
        description="研修の録画（動画・字幕・スライド）をサイトに公開します。",
        epilog="終了コード: " + "、".join(f"{c}={t}" for c, t in EXIT_CODES.items()),
    )
    parser.add_argument("number", type=session_number, metavar="回", help="研修の回（例: 7）")
    parser.add_argument(
        "--video",
        type=Path,
        required=True,
        metavar="録画ファイル",
        help="録画ファイル（mp4, webm など）",
    )
    parser.add_argument(
        "--captions",
        type=Path,
        required=True,
        metavar="字幕ファイル",
        help="字幕（.vtt、Teams のトランスクリプト、.srt）",
    )
    parser.add_argument("--slides", type=Path, metavar="PDF", help="スライドの PDF")
    parser.add_argument(
        "--chapters",
        type=Path,
        metavar="チャプターファイル",
        help="チャプター（1行に「01:30 はじめに」）",
    )
    parser.add_argument("--track", default="hands-on", choices=list(TRACKS), help="コース")
    parser.add_argument(
        "--speaker",
        action="append",
        default=[],
        metavar="名前=役割",
        help='字幕の話者名を役割に置き換える（例: "山田 太郎=講師"）。指定のない話者名は消します',
    )
    parser.add_argument(
        "--media-base-url",
        default=os.environ.get("WARDSITE_MEDIA_BASE_URL") or None,
        metavar="URL",
        help="メディアサーバーの公開URL（指定すると動画を git に入れません）",
    )
    parser.add_argument(
        "--media-dir",
        type=Path,
        metavar="フォルダー",
        default=Path(os.environ["WARDSITE_MEDIA_DIR"])
        if os.environ.get("WARDSITE_MEDIA_DIR")
        else None,
        help="メディアサーバーの共有フォルダー（--media-base-url と一緒に）",
    )
    parser.add_argument(
        "--max-commit-mb",
        type=float,
        metavar="MB",
        default=DEFAULT_MAX_COMMIT_MB,
        help=f"git に入れてよいファイルの上限（MB、既定 {DEFAULT_MAX_COMMIT_MB:g}）",
    )
    parser.add_argument(
        "--root",
        type=Path,
        metavar="フォルダー",
        default=Path(__file__).resolve().parents[3],
        help="リポジトリのフォルダー（既定: このプログラムがあるリポジトリ）",
    )
    parser.add_argument("--no-progress", action="store_true", help="進み具合を表示しない")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)

    def say(text: str) -> None:
        # A closed terminal (SIGHUP) makes writing fail: the work is undone anyway.
        with contextlib.suppress(OSError):
            print(text, file=sys.stderr, flush=True)

    try:
        with interrupts.installed() as guard:
            if args.media_base_url and not is_url(args.media_base_url):
                raise PublishError(
                    EXIT_USAGE, "--media-base-url は http:// か https:// で始めてください。"
                )
            opts = Options(
                root=args.root,
                track=args.track,
                number=args.number,
                video=args.video,
                captions=args.captions,
                slides=args.slides,
                chapters=args.chapters,
                speakers=_parse_speakers(args.speaker),
                media_base_url=args.media_base_url,
                media_dir=args.media_dir,
                max_commit_mb=args.max_commit_mb,
                progress=not args.no_progress,
            )
            result = publish(opts, say, guard)
    except interrupts.Interrupted as exc:
        say("")
        say(
            f"中断しました（{exc}）。途中で作ったファイルは消しました。リポジトリは実行前のままです。"
        )
        say("もう一度公開するときは、同じコマンドを最初から実行してください。")
        return exc.exit_code
    except PublishError as exc:
        say(f"エラー: {exc}")
        say(f"（終了コード {exc.code}: {EXIT_CODES.get(exc.code, '')}）")
        return exc.code
    except media.ToolMissingError as exc:
        say(f"エラー: {exc}")
        return EXIT_FFMPEG
    except Exception as exc:  # a bug: say so plainly, keep the details for the developers
        say(
            f"エラー: 想定外の問題が起きました（{type(exc).__name__}: {exc}）。"
            "この画面の内容を開発担当に送ってください。"
        )
        return EXIT_INTERNAL

    print(f"第{args.number}回の録画を公開する準備ができました（{display_time(result.duration)}）。")
    if result.upload:
        print(f"次のファイルをメディアサーバーに置いてください（公開URL: {result.upload_to}）:")
        for path in result.upload:
            print(f"  {path}")
    if result.removed:
        print("前に公開していた次のファイルは、新しいファイルに置き換えたので消しました:")
        for path in result.removed:
            print(f"  {path}")
    print("次のコマンドで git に登録してください:")
    folder = str(Path(result.git_add[1]).parent)
    print(f"  git add {result.git_add[0]} {folder}")
    print(f'  git commit -m "研修 第{args.number}回の録画を公開"')
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
