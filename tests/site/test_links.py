"""Every internal link and anchor of the built site resolves."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from support.builtsite import ParsedPage, content_pages, parse_page

BASE = "http://site.invalid/"
#: "#t=MM:SS" links are times in a session page's recording (session-player.js seeks there).
MEDIA_FRAGMENT = re.compile(r"t=(\d+):(\d{2})")
DURATION = re.compile(r'data-ws-duration="([\d.]+)"')


def _time_in_recording(target: Path, fragment: str) -> bool:
    match = MEDIA_FRAGMENT.fullmatch(fragment)
    duration = DURATION.search(target.read_text(encoding="utf-8")) if match else None
    if not match or not duration:
        return False
    return int(match[1]) * 60 + int(match[2]) < float(duration[1])


def _target_file(site: Path, url_path: str) -> Path | None:
    rel = unquote(url_path).lstrip("/")
    candidate = site / rel
    if rel == "" or url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    pages: dict[Path, ParsedPage] = {}

    def parsed(path: Path) -> ParsedPage:
        if path not in pages:
            pages[path] = parse_page(path)
        return pages[path]

    broken: list[str] = []
    checked = 0
    for path in content_pages(site):
        page = parsed(path)
        page_url = urljoin(BASE, path.relative_to(site).as_posix())
        for tag, attr, value in page.urls:
            if attr in {"style", "srcset"}:
                continue
            absolute = urljoin(page_url, value)
            parts = urlsplit(absolute)
            if parts.scheme not in {"http", "https"} or parts.netloc != "site.invalid":
                continue
            target = _target_file(site, parts.path)
            where = f"{path.relative_to(site)}: <{tag} {attr}={value!r}>"
            if target is None:
                broken.append(f"{where} → missing file")
                continue
            checked += 1
            fragment = unquote(parts.fragment)
            if fragment.startswith("t=") and target.suffix == ".html":
                if not _time_in_recording(target, fragment):
                    broken.append(f"{where} → no recording or time past its end")
                continue
            if fragment and target.suffix == ".html" and fragment not in parsed(target).ids:
                broken.append(f"{where} → no anchor #{fragment}")
    assert checked > 500
    assert not broken, "\n".join(broken)
