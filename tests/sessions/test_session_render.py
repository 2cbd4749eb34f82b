"""Session pages, catalogue and transcript search documents."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import markdown

from wardsite.sessions import render
from wardsite.sessions.metadata import load_sessions
from wardsite.sessions.model import Chapter, Cue, Recording, Session, parse_time

REPO = Path(__file__).resolve().parents[2]

CUES = (
    Cue("c0001", 0.0, 2.0, "はじめに <script> & テスト"),
    Cue("c0002", 65.5, 70.0, "ここで申請します。", speaker="講師"),
    Cue("c0003", 3700.0, 3702.0, "最後です。"),
)
SESSION = Session(
    track="hands-on",
    number=7,
    title="テレワーク <の> 始め方",
    level="基礎",
    date=date(2026, 6, 24),
    length_minutes=60,
    trainer="情報政策課 研修担当",
    goals=("申請できる",),
    recording=Recording(
        video="https://media.example/training/hands-on-07/video.mp4",
        captions="media/sessions/hands-on-07/captions.vtt",
        duration=3800.0,
        poster="media/sessions/hands-on-07/poster.jpg",
        cues=CUES,
    ),
    chapters=(Chapter(0.0, "はじめに"), Chapter(60.0, "申請")),
)


def to_html(text: str) -> str:
    body = text.split("---\n", 2)[2]
    return markdown.markdown(
        body, extensions=["admonition", "attr_list", "md_in_html", "toc", "tables"]
    )


def test_session_page_player_and_links() -> None:
    path, text = render.render_session_page(SESSION)
    assert path == "learning/sessions/hands-on-07.md"
    assert 'title: "第7回 テレワーク <の> 始め方"' in text
    page = to_html(text)
    assert '<track kind="captions" srclang="ja" label="日本語" ' in page
    assert 'src="../../../media/sessions/hands-on-07/captions.vtt" default>' in page
    assert '<source src="https://media.example/training/hands-on-07/video.mp4"' in page
    assert re.search(r"<video [^>]*\bcontrols\b", page)
    assert 'poster="../../../media/sessions/hands-on-07/poster.jpg"' in page
    assert 'href="#t=01:00" data-ws-seek="60.000"' in page  # chapter
    assert 'href="#t=01:05" data-ws-seek="65.500">01:05</a>' in page  # paragraph
    assert '<span data-s="65.5" data-e="70">ここで申請します。</span>' in page
    assert 'href="#t=61:40"' in page and ">1:01:40</a>" in page  # past one hour
    assert '<b class="ws-cue__speaker">講師：</b>' in page
    assert '<h3 class="ws-transcript__chapter">申請</h3>' in page
    assert re.search(
        r'<track kind="chapters" srclang="ja" label="チャプター" '
        r'src="\.\./\.\./\.\./media/sessions/hands-on-07/chapters\.[0-9a-f]{10}\.vtt">',
        page,
    )
    assert "&lt;script&gt; &amp; テスト" in page and "<script>" not in page
    assert "テレワーク &lt;の&gt; 始め方" in page
    assert "data-ws-speed hidden" in page
    for heading in ("学習の目標", "録画", "チャプター", "文字起こし", "資料"):
        assert f">{heading}</h2>" in page


def test_preparing_session_reads_without_player() -> None:
    _, text = render.render_session_page(replace(SESSION, recording=None, chapters=()))
    page = to_html(text)
    assert "<video" not in page and "録画は準備中です" in page
    assert "文字起こし" not in page


def test_catalogue_lists_all_sessions_with_status_and_filter_markup() -> None:
    cat = load_sessions(REPO / "sessions", REPO, probe_videos=False)
    path, text = render.render_catalogue_page(cat.sessions)
    assert path == "learning/sessions/index.md"
    page = to_html(text)
    items = re.findall(r'<li class="ws-catalogue__item"[^>]*>', page)
    assert len(items) == 18
    assert page.count('data-ws-status="recorded"') == 3
    assert page.count("準備中") == 15
    assert '<a href="hands-on-07/">第7回 テレワークの始め方</a>' in page
    # md_in_html re-serialises the markup (attributes sorted): test what the script relies on
    assert re.search(
        r'<li class="ws-catalogue__item" data-ws-level="基礎" '
        r'data-ws-status="recorded" data-ws-track="dx-mindset">',
        page,
    )
    assert "<h3" in page and "操作研修・応用（第9〜15回）" in page
    assert "data-ws-filter hidden" in page


def test_transcript_sections_point_at_the_paragraph_time() -> None:
    docs = render.transcript_sections(SESSION)
    assert [d["location"] for d in docs] == [
        "learning/sessions/hands-on-07/#t=00:00",
        "learning/sessions/hands-on-07/#t=01:05",
        "learning/sessions/hands-on-07/#t=61:40",
    ]
    assert docs[1]["title"] == "第7回 テレワーク <の> 始め方 › 申請（01:05〜）"
    assert docs[0]["text"] == "はじめに &lt;script&gt; &amp; テスト"
    merged = render.transcript_sections(SESSION, window=10_000)
    assert len(merged) == 2  # a chapter starts a new passage, however long the window
    assert render.transcript_sections(replace(SESSION, recording=None)) == []


def test_paragraphs_are_at_most_a_minute_and_start_at_chapters() -> None:
    cues = tuple(Cue(f"c{i:04d}", i * 2.4, i * 2.4 + 2.0, f"発言{i}") for i in range(1500))
    rec = replace(SESSION.recording, cues=cues, duration=3600.0)
    session = replace(SESSION, recording=rec, chapters=(Chapter(0, "前半"), Chapter(1801, "後半")))
    paragraphs = render.paragraphs(session)
    assert [c for p in paragraphs for c in p.cues] == list(cues)
    assert all(p.cues[-1].end - p.start <= 60 for p in paragraphs)
    assert 55 <= len(paragraphs) <= 65
    assert [p.chapter.title for p in paragraphs if p.chapter] == ["前半", "後半"]
    (second,) = [p for p in paragraphs if p.chapter and p.chapter.title == "後半"]
    assert second.cues[0].id == "c0751"  # the first cue at or after the chapter


def test_chapters_track_covers_the_recording() -> None:
    path, text = render.chapters_track(SESSION)
    assert re.fullmatch(r"media/sessions/hands-on-07/chapters\.[0-9a-f]{10}\.vtt", path)
    assert text.splitlines()[:8] == [
        "WEBVTT",
        "",
        "chapter-1",
        "00:00:00.000 --> 00:01:00.000",
        "はじめに",
        "",
        "chapter-2",
        "00:01:00.000 --> 01:03:20.000",
    ]
    assert render.chapters_track(replace(SESSION, chapters=())) is None


def test_urls_without_directory_urls() -> None:
    docs = render.transcript_sections(SESSION, directory_urls=False)
    assert docs[0]["location"] == "learning/sessions/hands-on-07.html#t=00:00"
    _, text = render.render_session_page(SESSION, directory_urls=False)
    assert 'src="../../media/sessions/hands-on-07/captions.vtt"' in text


def test_media_files_lists_only_local_files() -> None:
    assert render.media_files([SESSION]) == [
        "media/sessions/hands-on-07/captions.vtt",
        "media/sessions/hands-on-07/poster.jpg",
    ]


def test_parse_time_forms() -> None:
    assert parse_time("01:30") == 90 == parse_time(90)
    assert parse_time("1:02:03") == 3723
    assert parse_time("75:10") == 4510
    for bad in ("1:75", "abc", "-1", True):
        try:
            parse_time(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_site_prefix_keeps_media_links_at_the_site_root() -> None:
    _, text = render.render_session_page(SESSION, site_prefix="en/")
    assert 'src="../../../../media/sessions/hands-on-07/captions.vtt"' in text
    pages = dict(render.render_pages([SESSION], site_prefix="en/"))
    assert pages["learning/sessions/hands-on-07.md"] == text
