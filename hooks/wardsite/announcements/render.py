"""Markup and JSON for announcements.

The same markup is written twice: here at build time (the announcements
current when the site was built, readable without JavaScript) and by
``overrides/assets/javascripts/announcements.js`` at view time from the JSON
below (so an announcement appears and expires without a rebuild). Keep the
two in step: class names, ``data-*`` attributes and roles.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from html import escape

from wardsite.announcements.model import JST, LEVELS, Announcement, page_url

#: Words the banner and list use, per page language.
LABELS: dict[str, dict[str, str]] = {
    "ja": {
        "info": "お知らせ",
        "maintenance": "保守作業",
        "outage": "障害",
        "close": "このお知らせを閉じる：{title}",
        "more": "詳しく見る",
        "none": "いまお知らせはありません。",
        "since": "（{date}から）",
    },
    "en": {
        "info": "Notice",
        "maintenance": "Maintenance",
        "outage": "Outage",
        "close": "Dismiss this notice: {title}",
        "more": "Details",
        "none": "There are no notices at the moment.",
        "since": "(since {date})",
    },
}

#: The banner's container; ``data-count`` 0 hides Material's empty banner (CSS).
CONTAINER = '<div class="ward-announcements" data-ward-announcements data-count="{count}">'

_CLOSE_ICON = (
    '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M19 6.41 17.59 5 '
    '12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>'
)


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["ja"])


def ordered(items: Iterable[Announcement]) -> list[Announcement]:
    """Most urgent first, then the newest."""
    by_start = sorted(items, key=lambda a: a.start, reverse=True)
    return sorted(by_start, key=lambda a: LEVELS.index(a.level))


def banner_items(
    items: Iterable[Announcement], moment: dt.datetime, section: str
) -> list[Announcement]:
    """The banners for a page of top-level folder ``section`` at ``moment``."""
    return ordered(a for a in items if a.banner and a.active_at(moment) and a.shows_on(section))


def _text(item: Announcement, field: str, lang: str, tag: str, cls: str) -> str:
    text, text_lang = item.text(field, lang)
    if not text:
        return ""
    lang_attr = f' lang="{text_lang}"' if text_lang != lang else ""
    return f'<{tag} class="{cls}"{lang_attr}>{escape(text)}</{tag}>'


def _content(item: Announcement, lang: str, base_url: str, prefix: str) -> str:
    words = labels(lang)
    parts = [
        f'<span class="ward-announce__level">{escape(words[item.level])}</span>',
        _text(item, "title", lang, "strong", "ward-announce__title"),
        _text(item, "body", lang, "span", "ward-announce__body"),
    ]
    if item.link is not None:
        text, text_lang = item.text("link_text", lang)
        text = text or words["more"]
        text_lang = text_lang if item.link_text else lang
        lang_attr = f' lang="{text_lang}"' if text_lang != lang else ""
        href = escape(_join(base_url, prefix + page_url(item.link)))
        parts.append(f'<a class="ward-announce__link" href="{href}"{lang_attr}>{escape(text)}</a>')
    return " ".join(p for p in parts if p)


def _join(base_url: str, path: str) -> str:
    base = base_url.rstrip("/")
    return f"{base}/{path}" if base else path or "./"


def banner_html(items: Sequence[Announcement], lang: str, base_url: str, prefix: str) -> str:
    """The inside of Material's announcement area for one page.

    ``base_url`` leads from the page to the site root, ``prefix`` from there to
    the pages of ``lang`` (``en/``).
    """
    words = labels(lang)
    out = [CONTAINER.format(count=len(items))]
    for item in items:
        role = ' role="alert"' if item.level == "outage" else ""
        title, _ = item.text("title", lang)
        out.append(
            f'<div class="ward-announce ward-announce--{item.level}" data-id="{item.id}"{role}>'
            f'<p class="ward-announce__text">{_content(item, lang, base_url, prefix)}</p>'
            f'<button type="button" class="ward-announce__close" hidden '
            f'aria-label="{escape(words["close"].format(title=title))}">{_CLOSE_ICON}</button>'
            "</div>"
        )
    out.append("</div>")
    return "".join(out)


def list_html(
    items: Iterable[Announcement], moment: dt.datetime, lang: str, base_url: str, prefix: str
) -> str:
    """The home page's お知らせ list: every announcement current at ``moment``."""
    words = labels(lang)
    current = ordered(a for a in items if a.active_at(moment))
    rows = []
    for item in current:
        date = _date(item.start, lang)
        rows.append(
            f'<li class="ward-announce-item ward-announce--{item.level}" data-id="{item.id}">'
            f"{_content(item, lang, base_url, prefix)} "
            f'<span class="ward-announce__since">{escape(words["since"].format(date=date))}</span>'
            "</li>"
        )
    hidden = " hidden" if rows else ""
    return (
        f'<ul class="ward-announce-list" data-ward-announce-list>{"".join(rows)}</ul>\n'
        f'<p class="ward-announce-none" data-ward-announce-none{hidden}>{escape(words["none"])}</p>'
    )


def _date(moment: dt.datetime, lang: str) -> str:
    local = moment.astimezone(JST)
    if lang == "en":
        return f"{local.day} {local.strftime('%b')} {local.year}"
    return f"{local.year}年{local.month}月{local.day}日"


def announcements_json(
    items: Iterable[Announcement], moment: dt.datetime, link_prefixes: dict[str, str]
) -> str:
    """What the browser reads: every announcement not yet over at ``moment``, and the labels.

    ``link_prefixes`` maps each site language to the folder of its pages
    (``{"ja": "", "en": "en/"}``); links are relative to the site root.
    """
    data = {
        "version": 1,
        "labels": LABELS,
        "prefixes": link_prefixes,
        "announcements": [
            {
                "id": a.id,
                "level": a.level,
                "start": a.start.isoformat(),
                "end": a.end.isoformat(),
                "sections": list(a.sections),
                "banner": a.banner,
                "link": (
                    {lang: prefix + page_url(a.link) for lang, prefix in link_prefixes.items()}
                    if a.link is not None
                    else None
                ),
                "since": {
                    lang: labels(lang)["since"].format(date=_date(a.start, lang))
                    for lang in link_prefixes
                },
                "title": dict(a.title),
                "body": dict(a.body),
                "link_text": dict(a.link_text),
            }
            for a in ordered(items)
            if a.end > moment
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
