"""Snapshot → FAQ pages as (relative path, Markdown text) pairs; no MkDocs objects.

:func:`render_language` renders one language at language-neutral paths
(``faq/<id>.md``); the build puts them under ``en/`` for English, so each entry
answers at ``faq/<id>/`` and ``en/faq/<id>/`` whatever its title.
:func:`render_site` renders every language at the paths of the suffix
structure (``faq/<id>.md``, ``faq/<id>.en.md``). Categories are ``faq/categories/<id>.md``,
the overview ``faq/index.md``; withdrawn entries keep ``faq/<id>.md`` with a page
saying so.

Everything that came from the helpdesk is written as one-line raw HTML made inert
by :mod:`wardsite.faq.sanitize`; only our own fixed text (headings, the list of
related guides, whose ``.md`` links MkDocs checks) is Markdown. Front matter
values are escaped for the templates that print them without escaping.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from wardsite.faq.asked import guide_paths
from wardsite.faq.model import FaqCategory, FaqEntry
from wardsite.faq.sanitize import ImageHandler, inert_text, plain_text, sanitize_html
from wardsite.faq.snapshot import Snapshot, Withdrawn

TOKYO = ZoneInfo("Asia/Tokyo")
DEFAULT_LANG = "ja"

TEXT: dict[str, dict[str, str]] = {
    "ja": {
        "faq": "よくある質問（FAQ）",
        "faq_description": "ITヘルプデスクによく寄せられる質問と、その答えです。",
        "category": "カテゴリ",
        "updated": "最終更新日",
        "tags": "タグ",
        "related": "関連するガイド",
        "not_solved": "解決しないとき",
        "ask": "この FAQ で解決しないときは、{name}に問い合わせてください。",
        "phone": "電話",
        "extension": "内線",
        "email": "メール",
        "form": "問い合わせフォーム",
        "hours": "受付時間",
        "mail_subject": "FAQ {id}「{title}」について",
        "notice": "お知らせ",
        "withdrawn_title": "（公開終了）{title}",
        "withdrawn": "この FAQ「{title}」は、{date}にヘルプデスクが公開を終了しました。",
        "withdrawn_more": "「{category}」のほかの FAQ をご覧ください。",
        "withdrawn_top": "ほかの FAQ は一覧からご覧ください。",
        "count": "{n}件",
        "entries_in": "{name}に関する FAQ の一覧です。",
        "other": "その他",
    },
    "en": {
        "faq": "Frequently asked questions (FAQ)",
        "faq_description": "Questions the IT helpdesk is often asked, with their answers.",
        "category": "Category",
        "updated": "Last updated",
        "tags": "Tags",
        "related": "Related guides",
        "not_solved": "If this does not solve it",
        "ask": "If this FAQ does not solve your problem, contact the {name}.",
        "phone": "Phone",
        "extension": "Extension",
        "email": "Email",
        "form": "Request form",
        "hours": "Hours",
        "mail_subject": "About FAQ {id}: {title}",
        "notice": "Notice",
        "withdrawn_title": "(Withdrawn) {title}",
        "withdrawn": "The helpdesk withdrew the FAQ “{title}” on {date}.",
        "withdrawn_more": "See the other FAQs in “{category}”.",
        "withdrawn_top": "See the list of FAQs.",
        "count": "{n}",
        "entries_in": "FAQs about {name}.",
        "other": "Other",
    },
}


class Page(NamedTuple):
    path: str
    text: str


@dataclass(frozen=True)
class RenderContext:
    """What pages need besides the snapshot.

    ``helpdesk``: the ``helpdesk`` mapping of org.yml, already localised for ``lang``.
    ``guides``: guide path without ``.md`` (``account/password-reset``) → its title,
    for the language being rendered; labels naming other guides are ignored.
    ``note``: the staleness note, or None when the pull was fresh.
    """

    lang: str
    helpdesk: Mapping[str, Any]
    guides: Mapping[str, str]
    note: str | None = None
    hosts: tuple[str, ...] = ()
    image_handler: ImageHandler | None = None
    #: (id, locale) of every entry published on the site, in any language.
    published: frozenset[tuple[str, str]] = frozenset()

    @property
    def t(self) -> dict[str, str]:
        return TEXT.get(self.lang, TEXT[DEFAULT_LANG])


def page_path(name: str) -> str:
    """``faq/<name>.md``: the same path in every language (the build adds ``en/``)."""
    return f"faq/{name}.md"


def suffixed_path(path: str, lang: str) -> str:
    """``faq/<name>.md`` → ``faq/<name>.<lang>.md`` outside Japanese (suffix structure)."""
    return path if lang == DEFAULT_LANG else f"{path.removesuffix('.md')}.{lang}.md"


def render_language(snapshot: Snapshot, ctx: RenderContext) -> list[Page]:
    """Every FAQ page of ``ctx.lang``, at language-neutral paths (``faq/<id>.md``).

    The overview (``faq/index.md``) is always there, even with no entries.
    """
    lang = ctx.lang
    pages: list[Page] = []
    entries = [e for e in snapshot.entries if e.locale == lang]
    categories = {c.id: c for c in snapshot.categories if c.locale == lang}
    live = {e.id for e in entries}
    for entry in entries:
        pages.append(render_entry(entry, categories.get(entry.category_id), ctx))
    for cid, group in _by_category(entries).items():
        pages.append(render_category(categories.get(cid), cid, group, ctx))
    for gone in snapshot.withdrawn:
        if gone.locale == lang and gone.id not in live:
            has_cat = gone.category_id in categories and any(
                e.category_id == gone.category_id for e in entries
            )
            cat = categories.get(gone.category_id) if has_cat else None
            pages.append(render_withdrawn(gone, cat, ctx))
    pages.append(render_index(entries, categories, ctx))
    return pages


def render_site(
    snapshot: Snapshot,
    *,
    helpdesk: Callable[[str], Mapping[str, Any]],
    guides: Callable[[str], Mapping[str, str]],
    note: Callable[[str], str | None],
    image_handler: ImageHandler | None = None,
    published: Collection[tuple[str, str]] | None = None,
) -> list[Page]:
    """Every FAQ page of every language that has entries (or withdrawn entries),
    at the paths of the suffix structure (``faq/<id>.md``, ``faq/<id>.en.md``).

    ``published``: (id, locale) of every entry the site publishes, when ``snapshot``
    holds only some languages (links may point to another language's page).
    """
    langs = sorted({e.locale for e in snapshot.entries} | {w.locale for w in snapshot.withdrawn})
    if DEFAULT_LANG not in langs:
        langs.insert(0, DEFAULT_LANG)
    pages: list[Page] = []
    keys = frozenset(published if published is not None else (e.key for e in snapshot.entries))
    for lang in langs:
        ctx = RenderContext(
            lang=lang,
            helpdesk=helpdesk(lang),
            guides=guides(lang),
            note=note(lang),
            hosts=snapshot.hosts,
            image_handler=image_handler,
            published=keys,
        )
        pages.extend(
            Page(suffixed_path(p.path, lang), p.text) for p in render_language(snapshot, ctx)
        )
    return pages


#: FAQ answers rank below the guides that match the query: the guides are the
#: maintained, step-by-step source; an answer from the helpdesk is a short
#: supplement that usually points to a guide. An answer's title is a whole
#: question, so it matches a typed question in its boosted title field far
#: better than the guide's title (which names the task) does: at 0.5 the answer
#: still came first. Tuning set (bench/search_queries.yml, pages ranked by own
#: document + 0.5 x best section), MRR@10 with FAQ
#: answers counted as misses: 0.955 / 0.962 / 0.962 at 0.25 / 0.15 / 0.05; the
#: milder of the two best is kept, so an answer about something no guide
#: covers is not pushed below guides that merely mention a word of it.
FAQ_SEARCH_BOOST = 0.15


def render_entry(entry: FaqEntry, category: FaqCategory | None, ctx: RenderContext) -> Page:
    t = ctx.t
    body = sanitize_html(
        entry.body_html,
        lang=ctx.lang,
        helpdesk_hosts=ctx.hosts,
        link_target=lambda eid, lang: entry_href(eid, lang, ctx),
        image_handler=ctx.image_handler,
    )
    cat_name = category.name if category else t["other"]
    meta = (
        f'<p class="faq-meta">{inert_text(t["category"])}：'
        f'<a href="../categories/{entry.category_id}/">{inert_text(cat_name)}</a>'
        f'<span class="faq-updated">{inert_text(t["updated"])}：'
        f'<time datetime="{entry.updated_at.isoformat()}">'
        f"{inert_text(format_date(entry.updated_at, ctx.lang))}</time></span></p>"
    )
    tags = ""
    if entry.tags:
        chips = "".join(f'<span class="faq-tag">{inert_text(tag)}</span>' for tag in entry.tags)
        tags = f'<p class="faq-tags">{inert_text(t["tags"])}：{chips}</p>'
    parts = [
        front_matter(
            entry.title,
            plain_text(entry.body_html),
            tags=entry.tags,
            faq_id=entry.id,
            search_boost=FAQ_SEARCH_BOOST,
            lightbox="<img" in body,
        ),
        _block(f'<h1 class="faq-title">{inert_text(entry.title)}</h1>'),
        _block(meta),
        _note_block(ctx),
        _block(f'<div class="faq-answer" data-faq-id="{entry.id}">{body}</div>'),
        _block(tags),
        _related(entry, ctx),
        _ask(entry, ctx),
    ]
    return Page(page_path(entry.id), _join(parts))


def entry_href(eid: str, link_lang: str | None, ctx: RenderContext) -> str | None:
    """URL of article ``eid`` from an entry page of ``ctx.lang``, or None if not published.

    The language the link names comes first (a Japanese answer may point to the
    English translation on purpose), then the reader's language, then Japanese.
    """
    for lang in dict.fromkeys(x for x in (link_lang, ctx.lang, DEFAULT_LANG) if x):
        if (eid, lang) not in ctx.published:
            continue
        if lang == ctx.lang:
            return f"../{eid}/"
        to_root = "../../" if ctx.lang == DEFAULT_LANG else "../../../"
        return f"{to_root}{'' if lang == DEFAULT_LANG else lang + '/'}faq/{eid}/"
    return None


def render_category(
    category: FaqCategory | None, category_id: str, entries: list[FaqEntry], ctx: RenderContext
) -> Page:
    t = ctx.t
    name = category.name if category else t["other"]
    description = (category.description if category else "") or t["entries_in"].format(name=name)
    items = "".join(
        f'<li><a href="../../{e.id}/">{inert_text(e.title)}</a> '
        f'<span class="faq-updated">{inert_text(format_date(e.updated_at, ctx.lang))}</span></li>'
        for e in sorted(entries, key=lambda e: (not e.promoted, e.position, e.title))
    )
    parts = [
        # Lists of question titles: searching finds the questions themselves.
        front_matter(name, description, faq_category=category_id, search_exclude=True),
        _block(f'<h1 class="faq-title">{inert_text(name)}</h1>'),
        _note_block(ctx),
        _block(f'<p class="faq-description">{inert_text(description)}</p>'),
        _block(f'<ul class="faq-list">{items}</ul>'),
        _block(f'<p><a href="../../">{inert_text(t["faq"])}</a></p>'),
    ]
    return Page(page_path(f"categories/{category_id}"), _join(parts))


def render_index(
    entries: list[FaqEntry], categories: Mapping[str, FaqCategory], ctx: RenderContext
) -> Page:
    t = ctx.t
    grouped = _by_category(entries)
    order = sorted(
        grouped,
        key=lambda cid: (categories[cid].position, cid) if cid in categories else (10**9, cid),
    )
    items = "".join(
        f'<li><a href="categories/{cid}/">'
        f"{inert_text(categories[cid].name if cid in categories else t['other'])}</a> "
        f"（{inert_text(t['count'].format(n=len(grouped[cid])))}）</li>"
        for cid in order
    )
    parts = [
        front_matter(t["faq"], t["faq_description"], search_exclude=True),
        _block(f'<h1 class="faq-title">{inert_text(t["faq"])}</h1>'),
        _note_block(ctx),
        _block(f"<p>{inert_text(t['faq_description'])}</p>"),
        _block(f'<ul class="faq-categories">{items}</ul>'),
    ]
    return Page(page_path("index"), _join(parts))


def render_withdrawn(gone: Withdrawn, category: FaqCategory | None, ctx: RenderContext) -> Page:
    t = ctx.t
    title = t["withdrawn_title"].format(title=gone.title)
    message = t["withdrawn"].format(title=gone.title, date=format_date(gone.withdrawn_at, ctx.lang))
    if category:
        link = f'<a href="../categories/{category.id}/">{inert_text(category.name)}</a>'
        more = inert_text(t["withdrawn_more"]).replace(inert_text("{category}"), link)
    else:
        more = f'<a href="../">{inert_text(t["withdrawn_top"])}</a>'
    box = (
        f'<div class="admonition info faq-withdrawn"><p class="admonition-title">'
        f"{inert_text(t['notice'])}</p><p>{inert_text(message)}</p><p>{more}</p></div>"
    )
    parts = [
        front_matter(title, message, faq_id=gone.id, search_exclude=True),
        _block(f'<h1 class="faq-title">{inert_text(title)}</h1>'),
        _block(box),
        _ask(None, ctx),
    ]
    return Page(page_path(gone.id), _join(parts))


# -- pieces --------------------------------------------------------------------------


def front_matter(
    title: str,
    description: str,
    *,
    tags: tuple[str, ...] = (),
    faq_id: str | None = None,
    faq_category: str | None = None,
    search_exclude: bool = False,
    search_boost: float | None = None,
    lightbox: bool = True,
) -> str:
    """YAML front matter; JSON strings are valid YAML, so quoting is exact.

    Without ``lightbox`` (an answer with no image) mkdocs-glightbox leaves the
    page alone: no lightbox script or style to load, and no pass over its HTML.
    """
    lines = [
        "---",
        f"title: {json.dumps(meta_text(title), ensure_ascii=False)}",
        f"description: {json.dumps(meta_text(description), ensure_ascii=False)}",
    ]
    if tags:
        lines.append(f"faq_tags: {json.dumps([meta_text(x) for x in tags], ensure_ascii=False)}")
    if faq_id:
        lines.append(f"faq_id: {json.dumps(faq_id)}")
    if faq_category:
        lines.append(f"faq_category: {json.dumps(faq_category)}")
    if search_exclude:
        lines.append("search:\n  exclude: true")
    elif search_boost is not None:
        lines.append(f"search:\n  boost: {search_boost}")
    if not lightbox:
        lines.append("glightbox: false")
    lines.append("---")
    return "\n".join(lines)


def meta_text(text: str) -> str:
    """Text for front matter that templates print unescaped (title, meta description).

    ``& " '`` and braces become references; ``< >`` become full-width ＜＞ because
    Jinja's ``striptags`` (used for ``<title>``) would turn references back into tags.
    """
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace('"', "&quot;").replace("'", "&#39;")
    text = text.replace("{", "&#123;").replace("}", "&#125;")
    return text.replace("<", "＜").replace(">", "＞")


def format_date(when: datetime, lang: str) -> str:
    local = when.astimezone(TOKYO)
    if lang == DEFAULT_LANG:
        return f"{local.year}年{local.month}月{local.day}日"
    return local.strftime("%Y-%m-%d")


def _note_block(ctx: RenderContext) -> str:
    if not ctx.note:
        return ""
    return _block(
        '<div class="admonition warning faq-stale"><p class="admonition-title">'
        f"{inert_text(ctx.t['notice'])}</p><p>{inert_text(ctx.note)}</p></div>"
    )


def _related(entry: FaqEntry, ctx: RenderContext) -> str:
    lines = []
    for guide in guide_paths(entry):
        title = ctx.guides.get(guide)
        if title:
            lines.append(f"- [{_md_link_text(title)}](../{guide}.md)")
    if not lines:
        return ""
    return _unsearched(f"## {ctx.t['related']}\n\n" + "\n".join(lines))


def _md_link_text(text: str) -> str:
    """Guide titles are ours, but keep them literal inside ``[...]`` anyway."""
    return inert_text(text)


def _ask(entry: FaqEntry | None, ctx: RenderContext) -> str:
    t, hd = ctx.t, ctx.helpdesk
    name = str(hd.get("name") or "")
    items = []
    if hd.get("phone"):
        ext = f"（{t['extension']} {hd['extension']}）" if hd.get("extension") else ""
        items.append(f"{t['phone']}：{hd['phone']}{ext}")
    if hd.get("form"):
        items.append(f"{t['form']}：{hd['form']}")
    rows = "".join(f"<li>{inert_text(str(x))}</li>" for x in items)
    if hd.get("email"):
        email = str(hd["email"])
        subject = ""
        if entry is not None:
            from urllib.parse import quote

            text = t["mail_subject"].format(id=entry.id, title=entry.title)
            subject = "?subject=" + quote(text, safe="")
        rows += (
            f'<li>{inert_text(t["email"])}：<a class="faq-ask" href="mailto:{inert_text(email)}'
            f'{subject}">{inert_text(email)}</a></li>'
        )
    if hd.get("hours"):
        rows += f"<li>{inert_text(t['hours'])}：{inert_text(str(hd['hours']))}</li>"
    body = (
        f'<div class="faq-helpdesk"><p>{inert_text(t["ask"].format(name=name))}</p>'
        f"<ul>{rows}</ul></div>"
    )
    return _unsearched(f"## {t['not_solved']}\n\n{_block(body)}")


def _unsearched(markdown: str) -> str:
    """Keep a block that every entry shares out of the search index (it would match
    every query about the helpdesk and bloat the index)."""
    return f'<div class="faq-aside" data-search-exclude markdown>\n\n{markdown}\n\n</div>'


def _block(html: str) -> str:
    """A raw HTML block: one line, so no Markdown preprocessor can find a line start in it."""
    assert "\n" not in html
    return html


def _join(parts: list[str]) -> str:
    return "\n\n".join(p for p in parts if p) + "\n"


def _by_category(entries: list[FaqEntry]) -> dict[str, list[FaqEntry]]:
    grouped: dict[str, list[FaqEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.category_id, []).append(entry)
    return grouped
