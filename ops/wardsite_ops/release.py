"""Release folders: a built site made ready to serve, and its checks.

A release is ``<root>/releases/<id>/``: a copy of the built site, its .br/.gz
files and ``.wardsite-release.json`` (id, commit, the CSP hashes of its inline
scripts). It is assembled under a dot-name (never served, never listed as a
release) and renamed into place only when complete, so an interrupted deploy
leaves nothing half-made behind a real name.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from wardsite_ops.csp import site_script_hashes
from wardsite_ops.precompress import Totals, precompress

MANIFEST = ".wardsite-release.json"

#: Pages every release must have (the home pages and "page not found" of both languages).
REQUIRED_PAGES = ("index.html", "404.html", "en/index.html", "en/404.html")
#: Search entry points (the browser fails to search without them).
REQUIRED_JSON = ("search/ja/meta.json", "search/en/meta.json", "search/setup.json")


@dataclass(frozen=True)
class Release:
    path: Path
    id: str
    script_hashes: tuple[str, ...]


def prepare_release(
    site: Path, releases_dir: Path, release_id: str, commit: str = "", previous: Path | None = None
) -> tuple[Release, Totals]:
    """Copy ``site`` into a new release, precompress it, record its hashes.

    ``previous``: a release whose compressed copies of unchanged files are reused.
    """
    final = releases_dir / release_id
    if final.exists():
        raise FileExistsError(final)
    partial = releases_dir / f".{release_id}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    releases_dir.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copytree(site, partial, ignore=shutil.ignore_patterns(".*"))
        totals = precompress(partial, previous)
        hashes = site_script_hashes(partial)
        manifest = {"id": release_id, "commit": commit, "script_hashes": hashes}
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        # Readable by the server's user (www-data) whatever the umask of the deploy.
        for path in [partial, *partial.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return Release(final, release_id, tuple(hashes)), totals


def read_release(path: Path) -> Release:
    data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    return Release(path, str(data["id"]), tuple(data["script_hashes"]))


def list_releases(releases_dir: Path) -> list[Release]:
    """Complete releases, oldest first (ids sort by time)."""
    if not releases_dir.is_dir():
        return []
    found = [
        read_release(p)
        for p in releases_dir.iterdir()
        if not p.name.startswith(".") and (p / MANIFEST).is_file()
    ]
    return sorted(found, key=lambda r: r.id)


class _LocalRefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.refs.append(values["src"] or "")
        if tag == "link" and values.get("rel") in ("stylesheet", "icon") and values.get("href"):
            self.refs.append(values["href"] or "")


def check_release(path: Path) -> list[str]:
    """Problems that make a release unfit to go live (Japanese), or [] when it is fine."""
    problems = []
    for page in REQUIRED_PAGES:
        if not (path / page).is_file():
            problems.append(f"{page} がありません（ビルドが途中で止まった可能性があります）。")
    for name in REQUIRED_JSON:
        try:
            json.loads((path / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            problems.append(f"{name} がないか、JSON として読めません（検索が動きません）。")
    for page in REQUIRED_PAGES:
        file = path / page
        if not file.is_file():
            continue
        parser = _LocalRefs()
        parser.feed(file.read_text(encoding="utf-8"))
        for ref in parser.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                problems.append(f"{page} が外部のファイル {ref} を読み込みます。")
                continue
            target = (
                (path / parts.path.lstrip("/"))
                if parts.path.startswith("/")
                else (file.parent / parts.path)
            )
            if not target.resolve().is_file():
                problems.append(f"{page} が読み込む {ref} がありません。")
    if not (path / MANIFEST).is_file():
        problems.append(f"{MANIFEST} がありません。")
    return problems
