"""The Content-Security-Policy of the served site, from the built pages.

Our own scripts are files (overrides/assets/javascripts/). Material's
templates still put three small inline scripts in every page (local storage
helpers, the saved colour palette, tab state); one of them contains the page's
relative base URL, so it differs by folder depth. Rather than copy and keep
Material's templates in step, the deploy reads every built page and allows
exactly the inline scripts it finds, by their sha256 hash: the policy always
matches the build it serves, and a script injected later matches no hash.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

#: <script type=…> values a browser runs; others (e.g. application/json) are data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        values = {k: (v or "") for k, v in attrs}
        if "src" not in values and values.get("type", "").strip().lower() in _SCRIPT_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, exactly as written."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(text: str) -> str:
    """The CSP source for one inline script: 'sha256-<base64>'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_script_hashes(site: Path) -> list[str]:
    """The hashes of the inline scripts of every page of a built site, sorted."""
    found: set[str] = set()
    for page in site.rglob("*.html"):
        if any(part.startswith(".") for part in page.relative_to(site).parts):
            continue
        for text in inline_scripts(page.read_text(encoding="utf-8")):
            found.add(script_hash(text))
    return sorted(found)


def content_security_policy(script_hashes: Iterable[str], media_sources: Iterable[str] = ()) -> str:
    """The policy: only this server, plus the hashed inline scripts and the media servers.

    Styles keep 'unsafe-inline': Material sets style attributes from its
    script (e.g. the header's height). Scripts never do.
    """
    media = " ".join(["'self'", *media_sources])
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *sorted(set(script_hashes))]),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        f"media-src {media}",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)
