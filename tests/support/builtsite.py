"""Read a built site: its pages, their links and their metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class ParsedPage:
    path: Path
    lang: str = ""
    title: str = ""
    description: str | None = None
    ids: set[str] = field(default_factory=set)
    #: (tag, attribute, value) for every URL-bearing attribute.
    urls: list[tuple[str, str, str]] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)
    text: str = ""


_URL_ATTRS = {"href", "src", "srcset", "poster", "data", "action", "formaction"}


class _Parser(HTMLParser):
    def __init__(self, page: ParsedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self._in_title = False
        self._in_h1 = 0
        self._h1_text: list[str] = []
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page.lang = values.get("lang", "")
        if tag == "title":
            self._in_title = True
        if tag == "meta" and values.get("name") == "description":
            self.page.description = values.get("content", "")
        if tag == "h1":
            self._in_h1 += 1
            self._h1_text = []
        if tag in {"script", "style"}:
            self._skip += 1
        for attr in ("id", "name"):
            if values.get(attr) and (attr == "id" or tag == "a"):
                self.page.ids.add(values[attr])
        for key, value in values.items():
            if key in _URL_ATTRS and value:
                self.page.urls.append((tag, key, value))
            if key == "style" and "url(" in value:
                self.page.urls.append((tag, "style", value))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._in_h1:
            self._in_h1 -= 1
            self.page.h1.append("".join(self._h1_text).strip())
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page.title += data
        if self._in_h1:
            self._h1_text.append(data)
        if not self._skip:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join(self._text)


def parse_page(path: Path) -> ParsedPage:
    page = ParsedPage(path=path)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return page


def content_pages(site: Path) -> list[Path]:
    """Every HTML page of the site except the 404 page and Material's internals."""
    return sorted(
        p
        for p in site.rglob("*.html")
        if p.name != "404.html" and "assets" not in p.relative_to(site).parts
    )
