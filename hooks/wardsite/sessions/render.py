"""Sessions → page Markdown (with raw HTML) and transcript search documents.

Plain data in, ``(relative path, text)`` pairs out; the MkDocs hook turns them
into generated pages and adds :func:`transcript_sections` to the search index.
Media links are raw HTML (MkDocs does not validate those) and point where the
hook copies the files: the same repo-relative path under the site root (see
:func:`media_files`); URLs on the media server are used as they are.

Markup contract for ``overrides/assets/javascripts/session-player.js``
(ids use the session key, e.g. ``hands-on-07``; everything reads without JS):

Session page
    ``figure.ws-player[data-ws-player]`` wraps the player; attributes
    ``data-ws-session`` (key) and ``data-ws-duration`` (seconds).
    ``video#ws-video-<key>.ws-player__video`` has native ``controls`` and one
    ``<track kind="captions" srclang="ja" default>`` (captions are always on
    the site's own origin, so no CORS is needed even when the video is on the
    media server). ``div.ws-player__speed[data-ws-speed][hidden]`` holds
    ``select#ws-speed-<key>[data-ws-speed-select]`` (values ``0.75`` … ``2``):
    the script un-hides it and sets ``video.playbackRate``.
    Seek links: every ``a[data-ws-seek]`` (chapters and transcript cues) has
    ``href="#t=MM:SS"`` and ``data-ws-seek`` = start in seconds. Clicking
    seeks and plays; on load, a ``#t=MM:SS`` (or ``#t=H:MM:SS`` / ``#t=SS``)
    fragment seeks there (start playback if allowed). Minutes may exceed 59.
    Chapters: ``ol.ws-chapters[data-ws-chapters] > li > a.ws-chapter``.
    Chapters track: ``<track kind="chapters" srclang="ja">`` (the build writes
    the file, see :func:`chapters_track`), so the browser's own controls can
    list the chapters too.
    Transcript: ``div.ws-transcript[data-ws-transcript]`` with
    ``data-ws-for="ws-video-<key>"`` holds paragraphs of up to a minute
    (:func:`paragraphs`): ``h3.ws-transcript__chapter`` where a chapter
    starts, then ``p.ws-para`` starting with the link
    ``a.ws-para__time[data-ws-seek]`` (the keyboard way to seek), then an
    optional ``b.ws-cue__speaker`` when the speaker changes and one
    ``span[data-s][data-e]`` per cue (start / end in seconds, in time order).
    Clicking a cue's text seeks there (mouse convenience). While playing, the
    script marks the current cue with class ``ws-cue--active`` (found by
    binary search on the start times, so a 1,500-cue transcript costs the
    same as a short one) without moving keyboard focus.
    The transcript container carries ``data-search-exclude`` so the page
    itself is not indexed twice: :func:`transcript_sections` gives the
    per-time search documents instead.

Catalogue page
    ``form.ws-catalogue-filter[data-ws-filter][hidden]`` with
    ``select[data-ws-filter-level]`` and ``select[data-ws-filter-track]``
    (value ``""`` = all) and ``p[data-ws-filter-count][aria-live=polite]``.
    Items are ``li.ws-catalogue__item`` with ``data-ws-track``,
    ``data-ws-level`` and ``data-ws-status`` (``recorded`` / ``preparing``),
    grouped in ``div.ws-catalogue__group[data-ws-group]`` (hide a group
    when none of its items is shown). Without JS the groups are plain lists
    under headings per track and level.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wardsite.sessions.model import (
    LEVELS,
    STATUS_RECORDED,
    TRACKS,
    Chapter,
    Cue,
    Session,
    display_time,
    fragment_time,
)
from wardsite.sessions.sessionfile import is_url

#: Folder of the generated pages, relative to docs_dir.
PAGES_DIR = "learning/sessions"
#: A session page and its transcript rank below the guides when both match
#: equally well: the guides are the maintained, step-by-step answer; a
#: recording is the longer way to the same thing (as for FAQ answers). The
#: catalogue of the recordings weighs the same: as a list of every session, it
#: names the words of each, and at full weight it outranked the very recording
#: asked for (tuning sets: blind7 0.925 → 0.927, blind8 0.929 → 0.931, tune and
#: dev unchanged).
SESSION_SEARCH_BOOST = 0.5

SPEEDS: tuple[tuple[str, str], ...] = (
    ("0.75", "0.75倍"),
    ("1", "1倍（標準）"),
    ("1.25", "1.25倍"),
    ("1.5", "1.5倍"),
    ("2", "2倍"),
)

_WEEKDAYS = "月火水木金土日"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Text safe inside Markdown: HTML-escaped and Markdown punctuation backslashed."""
    return re.sub(r"([\\`*_\[\]#|~^])", r"\\\1", esc(text))


def session_page_path(session: Session) -> str:
    """``learning/sessions/hands-on-07.md`` (relative to docs_dir)."""
    return f"{PAGES_DIR}/{session.key}.md"


def catalogue_page_path() -> str:
    return f"{PAGES_DIR}/index.md"


def page_url(src_path: str, *, directory_urls: bool = True) -> str:
    """Site-relative URL of a page as MkDocs gives it (``a/b/`` or ``a/b.html``)."""
    stem = src_path[: -len(".md")]
    if stem.endswith("index") and (stem == "index" or stem.endswith("/index")):
        return stem[: -len("index")] if directory_urls else f"{stem}.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def session_page_url(session: Session, *, directory_urls: bool = True) -> str:
    return page_url(session_page_path(session), directory_urls=directory_urls)


def _to_root(url: str) -> str:
    """Relative prefix from a page URL back to the site root (``../../../``)."""
    depth = url.count("/")
    return "../" * depth


def _href(target: str, root_prefix: str) -> str:
    return target if is_url(target) else root_prefix + target


def _date(session: Session) -> str:
    d = session.date
    if d is None:
        return "未定"
    return f"{d.year}年{d.month}月{d.day}日（{_WEEKDAYS[d.weekday()]}）"


def _join_lines(text: str) -> str:
    """Caption lines → one line of prose: Japanese joins directly, Latin with a space."""
    out = ""
    for line in text.split("\n"):
        if out and ((out[-1].isascii() and out[-1].isalnum()) or line[:1].isascii()):
            out += " "
        out += line
    return out


def _chapter_at(chapters: Sequence[Chapter], seconds: float) -> Chapter | None:
    current = None
    for chapter in chapters:
        if chapter.start <= seconds + 0.001:
            current = chapter
    return current


def render_session_page(
    session: Session, *, directory_urls: bool = True, site_prefix: str = ""
) -> tuple[str, str]:
    """The page of one session: ``(path relative to docs_dir, Markdown)``.

    ``site_prefix`` is the folder the page is built into inside the site
    (``"en/"`` for the English build), so that media links still reach the one
    copy of the files at the site root.
    """
    path = session_page_path(session)
    root = _to_root(site_prefix + page_url(path, directory_urls=directory_urls))
    level = f"{session.track_name}・{session.level}"
    description = f"{level} 第{session.number}回「{session.title}」" + (
        "の録画（字幕・文字起こし付き）と資料です。"
        if session.recording
        else "の内容です。録画は準備中です。"
    )
    out: list[str] = [
        "---",
        f"title: {_yaml_str(session.display_title)}",
        f"description: {_yaml_str(description)}",
        f"search:\n  boost: {SESSION_SEARCH_BOOST}",
        "---",
        "",
        f"# {md_text(session.display_title)}",
        "",
        '<dl class="ws-session-facts">',
        f"<dt>コース</dt><dd>{esc(session.track_name)}</dd>",
        f"<dt>レベル</dt><dd>{esc(session.level)}</dd>",
        f"<dt>実施日</dt><dd>{esc(_date(session))}</dd>",
        f"<dt>長さ</dt><dd>{session.length_minutes}分</dd>",
        f"<dt>講師</dt><dd>{esc(session.trainer)}</dd>",
        f"<dt>録画</dt><dd>{esc(session.status)}</dd>",
        "</dl>",
        "",
    ]
    if session.description:
        out += [md_text(session.description), ""]
    rec = session.recording
    if rec is not None and rec.sample:
        out += [
            '!!! note "サンプル映像です"',
            "    これはサイトの動作確認用に作ったサンプル映像と字幕です。",
            "    実際の研修の録画ではありません。",
            "",
        ]
    out += ["## 学習の目標", "", *(f"- {md_text(g)}" for g in session.goals), ""]
    if session.prerequisites:
        out += ["## 受講の前に", "", *(f"- {md_text(p)}" for p in session.prerequisites), ""]
    out += ["## 録画", ""]
    if rec is None:
        out += ["録画は準備中です。公開されたら、このページで見られます。", ""]
    else:
        out += [*_player(session, root), ""]
        out += [
            "字幕は最初から表示されます。消すときは、動画の下の「字幕」（CC）ボタンを押します。",
            "下の「チャプター」や「文字起こし」の時刻を押すと、その場面から再生します。",
            "",
        ]
        if session.chapters:
            out += ["## チャプター", "", *_chapters(session), ""]
        out += ["## 文字起こし", "", *_transcript(session), ""]
    out += ["## 資料", "", *_materials(session, root), ""]
    out += ["[研修の一覧に戻る](index.md)", ""]
    return path, "\n".join(out)


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _player(session: Session, root: str) -> list[str]:
    rec = session.recording
    assert rec is not None
    key = session.key
    poster = f' poster="{esc(_href(rec.poster, root))}"' if rec.poster else ""
    video_href = esc(_href(rec.video, root))
    options = "".join(
        f'<option value="{v}"{" selected" if v == "1" else ""}>{esc(label)}</option>'
        for v, label in SPEEDS
    )
    return [
        f'<figure class="ws-player" id="ws-player-{key}" data-ws-player '
        f'data-ws-session="{key}" data-ws-duration="{rec.duration:.3f}">',
        f'<video id="ws-video-{key}" class="ws-player__video" controls preload="metadata" '
        f'playsinline{poster} aria-label="{esc(session.display_title)} の録画">',
        f'<source src="{video_href}" type="video/mp4">',
        f'<track kind="captions" srclang="ja" label="日本語" '
        f'src="{esc(_href(rec.captions, root))}" default>',
        *_chapters_track_tag(session, root),
        f'<p>このブラウザーでは動画を再生できません。<a href="{video_href}">動画ファイル（MP4）</a>'
        "を開くか、下の文字起こしをお読みください。</p>",
        "</video>",
        f"<figcaption>{esc(session.display_title)}（{display_time(rec.duration)}）"
        f'<div class="ws-player__speed" data-ws-speed hidden>'
        f'<label for="ws-speed-{key}">再生速度</label> '
        f'<select id="ws-speed-{key}" data-ws-speed-select>{options}</select></div>'
        "</figcaption>",
        "</figure>",
    ]


def _chapters_track_tag(session: Session, root: str) -> list[str]:
    track = chapters_track(session)
    if track is None:
        return []
    src = esc(root + track[0])
    return [f'<track kind="chapters" srclang="ja" label="チャプター" src="{src}">']


def _chapters(session: Session) -> list[str]:
    lines = ['<ol class="ws-chapters" data-ws-chapters>']
    for index, chapter in enumerate(session.chapters, start=1):
        lines.append(
            f'<li><a class="ws-chapter" id="chapter-{index}" '
            f'href="#t={fragment_time(chapter.start)}" data-ws-seek="{chapter.start:.3f}">'
            '<span class="ws-chapter__time">'
            f"{display_time(chapter.start)}</span> {esc(chapter.title)}</a></li>"
        )
    lines.append("</ol>")
    return lines


@dataclass(frozen=True)
class Paragraph:
    """Consecutive cues shown (and searched) together: at most PARAGRAPH_SECONDS long."""

    start: float
    cues: tuple[Cue, ...]
    chapter: Chapter | None  # set on the first paragraph of a chapter


#: A paragraph of the transcript and a transcript search document cover up to
#: this many seconds: a full-length session stays a readable page and a search
#: hit lands within a minute of where the words are said.
PARAGRAPH_SECONDS = 60.0


def paragraphs(session: Session, window: float = PARAGRAPH_SECONDS) -> list[Paragraph]:
    """The transcript cut into paragraphs: a new one at each chapter and every ``window`` s."""
    rec = session.recording
    if rec is None:
        return []
    chapters = sorted(session.chapters, key=lambda c: c.start)
    out: list[Paragraph] = []
    current: list[Cue] = []
    heading: Chapter | None = None
    next_chapter = 0

    def flush() -> None:
        if current:
            out.append(Paragraph(current[0].start, tuple(current), heading))
            current.clear()

    for cue in rec.cues:
        starts: Chapter | None = None
        while next_chapter < len(chapters) and chapters[next_chapter].start <= cue.start + 0.001:
            starts = chapters[next_chapter]
            next_chapter += 1
        if starts is not None or (current and cue.end - current[0].start > window):
            flush()
            heading = starts
        elif not current:
            heading = None
        current.append(cue)
    flush()
    return out


def _seconds(value: float) -> str:
    """A time attribute as short as it can be: ``12``, ``12.5``, ``12.25``."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _paragraph_html(paragraph: Paragraph) -> list[str]:
    lines = []
    if paragraph.chapter is not None:
        lines.append(f'<h3 class="ws-transcript__chapter">{esc(paragraph.chapter.title)}</h3>')
    parts = [
        f'<p class="ws-para"><a class="ws-para__time" href="#t={fragment_time(paragraph.start)}" '
        f'data-ws-seek="{paragraph.start:.3f}">{display_time(paragraph.start)}</a>'
    ]
    speaker: str | None = None
    for cue in paragraph.cues:
        if cue.speaker and cue.speaker != speaker:
            parts.append(f'<b class="ws-cue__speaker">{esc(cue.speaker)}：</b>')
        speaker = cue.speaker
        parts.append(
            f'<span data-s="{_seconds(cue.start)}" data-e="{_seconds(cue.end)}">'
            f"{esc(_join_lines(cue.text))}</span>"
        )
    lines.append(" ".join(parts) + "</p>")
    return lines


def _transcript(session: Session) -> list[str]:
    rec = session.recording
    assert rec is not None
    out = [
        f'<div class="ws-transcript" id="ws-transcript-{session.key}" data-ws-transcript '
        f'data-ws-for="ws-video-{session.key}" data-search-exclude '
        'role="region" aria-label="文字起こし">',
    ]
    for paragraph in paragraphs(session):
        out += _paragraph_html(paragraph)
    out.append("</div>")
    return out


def _materials(session: Session, root: str) -> list[str]:
    items: list[str] = []
    for material in session.materials:
        href = esc(_href(material.href, root))
        items.append(f'<li><a href="{href}" download>{esc(material.title)}</a></li>')
    rec = session.recording
    if rec is not None:
        items.append(
            f'<li><a href="{esc(_href(rec.video, root))}" download>録画（MP4、'
            f"{display_time(rec.duration)}）</a></li>"
        )
        items.append(
            f'<li><a href="{esc(_href(rec.captions, root))}" download>字幕（WebVTT 形式のテキスト）'
            "</a></li>"
        )
    if not items:
        return ["資料は準備中です。"]
    return ['<ul class="ws-materials">', *items, "</ul>"]


def render_catalogue_page(
    sessions: Sequence[Session], *, directory_urls: bool = True
) -> tuple[str, str]:
    """The list of all sessions with status, grouped by track and level: ``(path, Markdown)``."""
    path = catalogue_page_path()
    here = page_url(path, directory_urls=directory_urls)
    recorded = sum(1 for s in sessions if s.recording is not None)
    out = [
        "---",
        'title: "研修の録画"',
        'description: "操作研修（全15回）と管理職向けDXマインド研修（全3回）の一覧です。'
        '録画は字幕と文字起こし付きで見られます。"',
        f"search:\n  boost: {SESSION_SEARCH_BOOST}",
        "---",
        "",
        "# 研修の録画",
        "",
        f"録画は字幕と文字起こし付きです（公開中 {recorded} / {len(sessions)} 回）。"
        "文字起こしの中身はサイトの検索でも探せます。",
        "",
        '<form class="ws-catalogue-filter" data-ws-filter hidden>',
        '<label for="ws-filter-level">レベル</label> <select id="ws-filter-level" '
        'data-ws-filter-level><option value="">すべて</option>'
        + "".join(f'<option value="{esc(lv)}">{esc(lv)}</option>' for lv in LEVELS)
        + "</select>",
        '<label for="ws-filter-track">コース</label> <select id="ws-filter-track" '
        'data-ws-filter-track><option value="">すべて</option>'
        + "".join(f'<option value="{esc(k)}">{esc(v)}</option>' for k, v in TRACKS.items())
        + "</select>",
        '<p data-ws-filter-count aria-live="polite"></p>',
        "</form>",
        "",
    ]
    for track, track_name in TRACKS.items():
        in_track = [s for s in sessions if s.track == track]
        if not in_track:
            continue
        out += [f"## {md_text(track_name)}（全{len(in_track)}回）", ""]
        for level in LEVELS:
            group = [s for s in in_track if s.level == level]
            if not group:
                continue
            numbers = (
                f"第{group[0].number}〜{group[-1].number}回"
                if len(group) > 1
                else (f"第{group[0].number}回")
            )
            out += [
                f'<div class="ws-catalogue__group" data-ws-group data-ws-track="{track}" '
                f'data-ws-level="{esc(level)}" markdown>',
                "",
                f"### {md_text(track_name)}・{level}（{numbers}）",
                "",
                '<ul class="ws-catalogue">',
                *(_catalogue_item(s, here, directory_urls) for s in group),
                "</ul>",
                "",
                "</div>",
                "",
            ]
    return path, "\n".join(out)


def _catalogue_item(session: Session, here: str, directory_urls: bool) -> str:
    target = session_page_url(session, directory_urls=directory_urls)
    href = posixpath.relpath(target, here or ".") + ("/" if directory_urls else "")
    status = "recorded" if session.status == STATUS_RECORDED else "preparing"
    return (
        f'<li class="ws-catalogue__item" data-ws-track="{session.track}" '
        f'data-ws-level="{esc(session.level)}" data-ws-status="{status}">'
        f'<a href="{esc(href)}">{esc(session.display_title)}</a> '
        f'<span class="ws-badge ws-badge--level">{esc(session.level)}</span> '
        f'<span class="ws-status ws-status--{status}">{esc(session.status)}</span>'
        f'<br><span class="ws-catalogue__meta">{esc(_date(session))}・{session.length_minutes}分'
        f"・講師：{esc(session.trainer)}</span></li>"
    )


def render_pages(
    sessions: Sequence[Session], *, directory_urls: bool = True, site_prefix: str = ""
) -> list[tuple[str, str]]:
    """Catalogue plus one page per session, as ``(path relative to docs_dir, Markdown)``.

    ``site_prefix``: see :func:`render_session_page`.
    """
    pages = [render_catalogue_page(sessions, directory_urls=directory_urls)]
    pages += [
        render_session_page(s, directory_urls=directory_urls, site_prefix=site_prefix)
        for s in sessions
    ]
    return pages


def transcript_sections(
    session: Session, *, directory_urls: bool = True, window: float = PARAGRAPH_SECONDS
) -> list[dict[str, str | float]]:
    """Search documents for the transcript: one per paragraph (up to ``window`` seconds).

    Each is ``{"location": "learning/sessions/hands-on-07/#t=12:34", "title":
    "第7回 テレワークの始め方 › チャプター（12:34〜）", "text": "…"}`` in the shape
    of Material's ``search_index.json`` docs. The same paragraphs as on the
    page, so a hit opens the page where a paragraph starts; the index grows
    with the length of the recording (about one document a minute), not with
    the number of cues.
    """
    base = session_page_url(session, directory_urls=directory_urls)
    docs: list[dict[str, str | float]] = []
    for paragraph in paragraphs(session, window):
        start = paragraph.start
        chapter = _chapter_at(session.chapters, start)
        where = f" › {chapter.title}" if chapter else ""
        docs.append(
            {
                "location": f"{base}#t={fragment_time(start)}",
                "title": f"{session.display_title}{where}（{display_time(start)}〜）",
                "text": esc(" ".join(_join_lines(c.text) for c in paragraph.cues)),
                "boost": SESSION_SEARCH_BOOST,
            }
        )
    return docs


def chapters_track(session: Session) -> tuple[str, str] | None:
    """``(repo-relative path, WebVTT text)`` of the chapters track, or None.

    Written by the build next to the captions (from ``chapters:`` in the
    session file, so editing a title needs no republishing); the name carries
    a hash of the content, so a changed list is never served from a cache.
    """
    rec = session.recording
    if rec is None or not session.chapters:
        return None
    ends = [c.start for c in session.chapters[1:]] + [rec.duration]
    lines = ["WEBVTT", ""]
    for index, (chapter, end) in enumerate(zip(session.chapters, ends, strict=True), start=1):
        lines += [
            f"chapter-{index}",
            f"{_vtt_clock(chapter.start)} --> {_vtt_clock(max(end, chapter.start + 0.001))}",
            chapter.title.replace("-->", "→"),
            "",
        ]
    text = "\n".join(lines)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"{posixpath.dirname(rec.captions)}/chapters.{digest}.vtt", text


def _vtt_clock(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def media_sources(sessions: Iterable[Session]) -> list[tuple[str, str]]:
    """``(session key, repo-relative path)`` of each local file the site serves at that path."""
    out: set[tuple[str, str]] = set()
    for session in sessions:
        rec = session.recording
        targets = [m.href for m in session.materials]
        if rec is not None:
            targets += [rec.video, rec.captions, *([rec.poster] if rec.poster else [])]
        out.update((session.key, t) for t in targets if not is_url(t))
    return sorted(out)


def media_files(sessions: Iterable[Session]) -> list[str]:
    """Repo-relative local files the site must serve at the same path (video, poster, …)."""
    return sorted({rel for _, rel in media_sources(sessions)})
