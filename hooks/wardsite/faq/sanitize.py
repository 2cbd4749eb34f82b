"""Helpdesk HTML → safe HTML that can sit inside a Markdown page and stays inert there.

Two passes:

1. ``nh3`` (the Rust ``ammonia`` sanitiser) with an allow-list: only the tags and
   attributes below survive; script/style/iframe/object/form and their content are
   removed; event handlers and ``javascript:``/``data:`` URLs are dropped. Links to
   other helpdesk articles are rewritten here to our stable FAQ URLs (fragment
   kept); ``id`` values and same-page fragments get the prefix ``faq-``, so an
   article can neither clash with nor take over the ids of the site's own page.
2. A re-serialisation of nh3's well-formed output that (a) replaces ``<img>`` by a
   visible note, or by a local copy when an image handler is given, and (b) writes
   every character that Markdown, pymdown or a ``{{ … }}`` placeholder could act on
   as an HTML character reference, and every newline in text as ``&#10;``.

Why (b): the result is embedded in a Markdown page as ONE raw HTML block on ONE
line. Python-Markdown stashes raw block HTML untouched, but its preprocessors
(fenced code, pymdown superfences) and our own ``{{ org.x }}`` expansion work on
the page text before that; with no newline, no backtick, no tilde and no brace
left in the text, none of them can find anything to act on. Browsers show the
references as the original characters.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Callable, Collection
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import nh3

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details",
        "div", "dl", "dt", "em", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd",
        "li", "mark", "ol", "p", "pre", "s", "samp", "small", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
#: Tags that may keep an ``id`` (link targets such as Zendesk's ``<h2 id="h_01…">``).
ID_TAGS: frozenset[str] = frozenset(
    {"a", "div", "h2", "h3", "h4", "h5", "h6", "li", "p", "span", "table", "td"}
)
ID_PREFIX = "faq-"
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "abbr": {"title"},
    "ol": {"start"},
}
#: Removed together with their content (not just the tag).
DROP_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "iframe", "object", "embed", "form", "noscript", "template",
     "svg", "math", "textarea", "select", "button", "title", "frame", "frameset"}
)  # fmt: skip
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})

#: Zendesk article URLs: /hc/<locale>/articles/<id>[-slug] (also /hc/articles/<id>).
ARTICLE_PATH = re.compile(
    r"^/hc/(?:([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)/)?articles/(\d+)(?:-[^/]*)?/?$"
)
#: Letters and digits of any script (Japanese headings) stay; everything else becomes _.
_ID_UNSAFE = re.compile(r"[^\w.-]")

IMAGE_NOTE = {
    "ja": "［画像はここには表示できません。ヘルプデスクのページでご覧ください］",
    "en": "[The image cannot be shown here; see the page on the helpdesk.]",
}
LINK_NOTE = {
    "ja": "（このリンク先の FAQ は公開されていません）",
    "en": " (the linked FAQ is not published)",
}

#: Characters written as references in text and attribute values (see module doc).
_INERT = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "{": "&#123;", "}": "&#125;", "`": "&#96;", "~": "&#126;", "\n": "&#10;",
    "\\": "&#92;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
    ":": "&#58;", "|": "&#124;", "=": "&#61;", "+": "&#43;", "^": "&#94;",
    "$": "&#36;", "%": "&#37;", "!": "&#33;", "#": "&#35;",
}  # fmt: skip
_INERT_RE = re.compile("[" + re.escape("".join(_INERT)) + "]")
#: Attribute values are URLs and short words: ':' '/' '=' '#' must stay readable there.
_ATTR = {k: v for k, v in _INERT.items() if k in "&<>\"'{}`~\n\\"}
_ATTR_RE = re.compile("[" + re.escape("".join(_ATTR)) + "]")

ImageHandler = Callable[[str], str | None]
#: (article id, language of the link or None) → URL of our page for it, or None when
#: the site does not publish that article (the link becomes plain text with a note).
LinkTarget = Callable[[str, str | None], str | None]


def _no_articles(article_id: str, lang: str | None) -> str | None:
    return None


def inert_text(text: str) -> str:
    """Escape text so that neither HTML, Markdown nor a template engine acts on it."""
    return _INERT_RE.sub(lambda m: _INERT[m.group(0)], text)


def _inert_attr(value: str) -> str:
    return _ATTR_RE.sub(lambda m: _ATTR[m.group(0)], value)


def local_id(value: str) -> str:
    """An id (or a link's fragment, percent-encoded or not) from the helpdesk, made safe
    and kept apart from the site's own ids."""
    return ID_PREFIX + _ID_UNSAFE.sub("_", unquote(value).strip())[:64]


def article_link(url: str, helpdesk_hosts: Collection[str]) -> tuple[str, str | None, str] | None:
    """``(article id, language or None, fragment)`` when ``url`` points to a helpdesk
    article (``/hc/en-us/articles/123-slug#h_1`` → ``("123", "en", "h_1")``), else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.netloc and parts.netloc.lower() not in helpdesk_hosts:
        return None
    if not parts.netloc and parts.scheme:
        return None
    match = ARTICLE_PATH.match(parts.path)
    if not match:
        return None
    lang = match.group(1).lower().split("-")[0] if match.group(1) else None
    return match.group(2), lang, parts.fragment


def sanitize_html(
    body_html: str,
    *,
    lang: str = "ja",
    helpdesk_hosts: Collection[str] = (),
    link_target: LinkTarget = _no_articles,
    image_handler: ImageHandler | None = None,
) -> str:
    """Return safe, Markdown-inert HTML on one line.

    ``helpdesk_hosts``: host names (lower case) whose article links are ours.
    ``link_target``: the URL of our page for a linked article (relative to the page
    being written), or None when the site does not publish it: such a link loses
    its ``href`` and gets a note. It does not go to the helpdesk either: an article
    missing here is a draft, withdrawn, restricted to signed-in users or a group,
    or in an excluded section, and the link alone cannot tell which.
    ``image_handler``: given the absolute image URL, returns the URL of a local
    copy, or None to drop it with a visible note.
    """
    hosts = {h.lower() for h in helpdesk_hosts}
    # A per-call marker for links to unpublished articles, so input cannot forge it.
    dead_marker = f"#faq-unpublished-{secrets.token_hex(8)}"

    def attribute_filter(tag: str, attr: str, value: str) -> str | None:
        if attr == "id":
            return local_id(value) if value.strip() else None
        if tag == "a" and attr == "href":
            if value.startswith("#"):
                return "#" + local_id(value[1:]) if value[1:].strip() else None
            found = article_link(value, hosts)
            if found is None:
                return value
            eid, lang, fragment = found
            href = link_target(eid, lang)
            if href is None:
                return dead_marker
            return href + ("#" + local_id(fragment) if fragment.strip() else "")
        return value

    attributes = {k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()}
    for tag in ID_TAGS:
        attributes.setdefault(tag, set()).add("id")
    cleaned = nh3.clean(
        body_html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes=attributes,
        attribute_filter=attribute_filter,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )
    writer = _InertWriter(lang=lang, image_handler=image_handler, dead_marker=dead_marker)
    writer.feed(cleaned)
    writer.close()
    return "".join(writer.out)


class _InertWriter(HTMLParser):
    """Re-serialise nh3's output: images handled, every text character inert."""

    VOID = frozenset({"br", "hr", "img", "wbr"})

    def __init__(self, *, lang: str, image_handler: ImageHandler | None, dead_marker: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.image_handler = image_handler
        self.dead_marker = dead_marker
        self.out: list[str] = []
        self._dead_anchor: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:  # cannot happen after nh3; kept as a second guard
            return
        if tag == "img":
            self._image(dict(attrs))
            return
        if tag == "a":
            dead = any(k == "href" and v == self.dead_marker for k, v in attrs)
            self._dead_anchor.append(dead)
            if dead:
                attrs = [(k, v) for k, v in attrs if k != "href"]
        anchor = ""
        if tag in HEADINGS:
            # The search index starts a new section at every heading WITH an id; an
            # answer stays one search result, so the link target is a span inside.
            anchor = "".join(
                f'<span id="{_inert_attr(v or "")}"></span>' for k, v in attrs if k == "id"
            )
            attrs = [(k, v) for k, v in attrs if k != "id"]
        rendered = "".join(
            f' {k}="{_inert_attr(v or "")}"'
            for k, v in attrs
            if k in ALLOWED_ATTRIBUTES.get(tag, ())
            or (tag == "a" and k == "rel")
            or (k == "id" and tag in ID_TAGS and (v or "").startswith(ID_PREFIX))
        )
        self.out.append(f"<{tag}{rendered}>{anchor}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and tag in ALLOWED_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ALLOWED_TAGS or tag in self.VOID:
            return
        self.out.append(f"</{tag}>")
        if tag == "a" and self._dead_anchor and self._dead_anchor.pop():
            note = LINK_NOTE.get(self.lang, LINK_NOTE["ja"])
            self.out.append(f'<span class="faq-note">{inert_text(note)}</span>')

    def handle_data(self, data: str) -> None:
        self.out.append(inert_text(data))

    def _image(self, attrs: dict[str, str | None]) -> None:
        src = attrs.get("src") or ""
        alt = attrs.get("alt") or ""
        local = self.image_handler(src) if (self.image_handler and src) else None
        if local:
            size = "".join(
                f' {k}="{attrs[k]}"' for k in ("width", "height") if (attrs.get(k) or "").isdigit()
            )
            self.out.append(f'<img src="{_inert_attr(local)}" alt="{_inert_attr(alt)}"{size}>')
            return
        note = IMAGE_NOTE.get(self.lang, IMAGE_NOTE["ja"])
        if alt.strip():
            note = f"{note}（{alt.strip()}）" if self.lang == "ja" else f"{note} ({alt.strip()})"
        self.out.append(f'<span class="faq-note faq-image-dropped">{inert_text(note)}</span>')


def plain_text(body_html: str, limit: int = 120) -> str:
    """Plain text of an HTML body (for descriptions), whitespace collapsed, cut to ``limit``."""
    text = nh3.clean(body_html, tags=set(), clean_content_tags=set(DROP_WITH_CONTENT))
    text = " ".join(html.unescape(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
