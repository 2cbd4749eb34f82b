"""Paths from ``sessions/*.yml`` stay inside that session's media folder.

A session file names files the build copies into the public site (video,
captions, poster, slides, other materials). Without a check, ``file:
../org.yml`` made the build overwrite the repository's own ``org.yml`` and
``file: .git/config`` published the git configuration. So every local path
must be a plain relative path (no absolute path, no ``..``, no backslash, no
part starting with ``.``) inside ``media/sessions/<key>/`` or
``media/samples/<key>/`` of the same session, and must still be there once
symbolic links are followed. The build checks this when it reads the files and
again right before it copies them.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

#: Folders (repo-relative) that hold one sub-folder per session, named by its key.
MEDIA_ROOTS: tuple[str, ...] = ("media/sessions", "media/samples")

_DRIVE = re.compile(r"^[A-Za-z]:")


class UnsafePathError(ValueError):
    """A path that leaves the session's media folder; the message is Japanese."""


def allowed_folders(key: str) -> tuple[str, ...]:
    """``media/sessions/hands-on-07``, ``media/samples/hands-on-07``."""
    return tuple(f"{base}/{key}" for base in MEDIA_ROOTS)


def fix_hint(key: str) -> str:
    """What to write instead, for messages."""
    return (
        f"ファイルは media/sessions/{key}/ に置き、「media/sessions/{key}/slides.pdf」のように"
        "その中の場所を書いてください（「..」や「/」で始まる場所、「.」で始まる名前は使えません）。"
    )


def check_relative(value: str, key: str) -> str:
    """Raise UnsafePathError unless ``value`` is a plain path inside the session's folder.

    Only the text is checked here; :func:`resolve_inside` also checks the file
    system (symbolic links).
    """
    if "\\" in value or "\x00" in value or _DRIVE.match(value):
        raise UnsafePathError("には「\\」やドライブ名（C: など）を書けません。")
    path = PurePosixPath(value)
    if path.is_absolute():
        raise UnsafePathError("は「/」で始まる場所（絶対パス）にできません。")
    if any(part == ".." for part in path.parts):
        raise UnsafePathError("に「..」（上のフォルダー）は使えません。")
    if any(part.startswith(".") for part in path.parts):
        raise UnsafePathError("に「.」で始まる名前（隠しファイル・隠しフォルダー）は使えません。")
    text = path.as_posix()
    if not any(text.startswith(folder + "/") for folder in allowed_folders(key)):
        raise UnsafePathError(f"はこの回のフォルダー（media/sessions/{key}/）の外を指しています。")
    return text


def resolve_inside(root: Path, value: str, key: str) -> Path:
    """The real file ``value`` names, checked to be a regular file inside the session's folder.

    Raises UnsafePathError (text or symbolic link leaving the folder) or
    FileNotFoundError (nothing there, or not a regular file).
    """
    text = check_relative(value, key)
    real_root = root.resolve()
    target = (root / text).resolve()
    folders = [real_root / folder for folder in allowed_folders(key)]
    if not any(target.is_relative_to(folder) for folder in folders):
        raise UnsafePathError(
            f"はこの回のフォルダー（media/sessions/{key}/）の外へのリンク（シンボリックリンク）です。"
        )
    if not target.is_file():
        raise FileNotFoundError(text)
    return target


def copy_media(root: Path, site: Path, files: Iterable[tuple[str, str]]) -> list[str]:
    """Copy ``(key, repo-relative path)`` files to the same path under ``site``.

    Each path is checked again right before copying (the catalogue was checked
    when it was loaded; this is the last line of defence, so the copy can never
    write outside ``site`` or read outside the session's folder). Returns the
    problems (Japanese) for paths that were skipped.
    """
    problems: list[str] = []
    real_site = site.resolve()
    for key, rel in files:
        try:
            source = resolve_inside(root, rel, key)
        except UnsafePathError as exc:
            problems.append(f"「{rel}」{exc} コピーしませんでした。")
            continue
        except FileNotFoundError:
            problems.append(f"「{rel}」が見つかりません。コピーしませんでした。")
            continue
        target = real_site / rel
        if not target.resolve().is_relative_to(real_site):
            problems.append(
                f"「{rel}」はサイトのフォルダーの外を指しています。コピーしませんでした。"
            )
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink():
            target.unlink()
        shutil.copyfile(source, target)
    return problems


def write_site_file(site: Path, key: str, rel: str, text: str) -> None:
    """Write a file the build makes (the chapters track) at ``rel`` under ``site``.

    ``rel`` must be a plain path inside the session's media folder, like the
    files copied by :func:`copy_media`.
    """
    target = site.resolve() / check_relative(rel, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="\n")
