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
import re
from collections.abc import Iterable
from pathlib import Path

#: <script type=…> values a browser runs; others (e.g. application/json) are data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


#: A script element: its attributes and its text. Script text ends at the first
#: "</script" (HTML's rule), so a non-greedy match finds exactly what the browser hashes.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, exactly as written.

    A regular expression, not an HTML parser: the pages come from our own
    templates, and parsing 237 pages with html.parser took 13 s of a deploy.
    """
    found = []
    for match in _SCRIPT.finditer(html):
        attrs, text = match.groups()
        if _SRC.search(" " + attrs):
            continue
        kind = _TYPE.search(" " + attrs)
        value = next((g for g in kind.groups() if g is not None), "") if kind else ""
        if value.strip().lower() in _SCRIPT_TYPES:
            found.append(text)
    return found


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
