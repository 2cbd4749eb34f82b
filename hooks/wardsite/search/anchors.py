"""The text of links between pages: how one page names another.

A link's text is the linking page's author's name for the target page
("パスワードの再設定の手順" for the password reset guide), often not its title.
Plain HTML in, (target location, text) out; no MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from posixpath import normpath
from typing import Any
from urllib.parse import urljoin, urlsplit

from wardsite.search.normalize import normalize

_BASE = "http://site.invalid/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, list[str]]] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            self._open = [] if href else None
            if href:
                self.links.append((href, self._open))  # type: ignore[arg-type]

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)


def link_texts(html: str, page_url: str) -> list[tuple[str, str]]:
    """(target page location, link text) of every link to another page of the site."""
    parser = _Links()
    parser.feed(html)
    base = urljoin(_BASE, page_url)
    out: list[tuple[str, str]] = []
    for href, parts in parser.links:
        target = urlsplit(urljoin(base, href))
        if f"{target.scheme}://{target.netloc}/" != _BASE:
            continue
        path = target.path
        if not path.endswith("/"):
            continue
        location = normpath(path).lstrip("/")
        location = "" if location in (".", "") else location + "/"
        text = " ".join("".join(parts).split())
        if text and location != page_url:
            out.append((location, text))
    return out


def with_link_texts(
    docs: Sequence[Mapping[str, Any]], links: Mapping[str, Sequence[tuple[str, str]]]
) -> list[Mapping[str, Any]]:
    """``docs`` with each page document's ``asked`` extended by the texts of links
    from other pages that differ from its title (folded)."""
    texts: dict[str, list[str]] = {}
    for linking in links.values():
        for target, text in linking:
            texts.setdefault(target, []).append(text)
    out: list[Mapping[str, Any]] = []
    for doc in docs:
        location = str(doc.get("location", ""))
        extra = [
            t
            for t in dict.fromkeys(texts.get(location, ()))
            if normalize(t) != normalize(str(doc.get("title", "")))
        ]
        if "#" in location or not extra:
            out.append(doc)
            continue
        out.append({**doc, "asked": [*(doc.get("asked") or ()), *extra]})
    return out
