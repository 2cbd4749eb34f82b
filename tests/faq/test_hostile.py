"""Hostile helpdesk entries are sanitised or rejected, end to end through Markdown."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml

from support.faqdesk import Helpdesk
from wardsite.faq.model import MAX_BODY_CHARS
from wardsite.faq.pull import pull_faq
from wardsite.faq.render import render_site
from wardsite.faq.sanitize import sanitize_html
from wardsite.org import load_org
from wardsite.placeholders import expand

from .markdown_site import body_of, site_markdown

ORG = load_org(Path(__file__).resolve().parents[2] / "org.yml")

HOSTILE = [
    {"id": 990001, "title": "スクリプト", "body": "<p>前</p><script>alert('x')</script><p>後</p>"},
    {
        "id": 990002,
        "title": "画像",
        "body": '<p><img src="x" onerror="alert(1)" alt="手順の図"></p>',
    },
    {
        "id": 990003,
        "title": "リンク",
        "body": '<p><a href="javascript:alert(1)">押す</a>'
        '<a href="data:text/html;base64,PHNjcmlwdD4=">データ</a>'
        '<a href="JaVaScRiPt:alert(2)">x</a></p>',
    },
    {
        "id": 990004,
        "title": "テンプレート {{ org.nothing }}",
        "body": "<p>{{ org.helpdesk.phone }} と {% include 'x' %} と {{ config.extra }}</p>",
    },
    {
        "id": 990005,
        "title": "マークダウン",
        "body": "<p>**太字** _斜体_ [link](http://x) ++ctrl+alt+delete++ "
        ":smile: ==mark==</p>\n\n```\ncode\n```\n\n    indented\n\n!!! warning\n    admonition",
    },
    {
        "id": 990006,
        "title": "フレーム",
        "body": '<iframe src="https://evil.example/"></iframe><object data="x">'
        '</object><form action="/x"><input name="p"></form><style>body{display:none}</style>'
        '<p style="color:red" onclick="x()" onmouseover="y()">本文</p><svg onload="z()"></svg>',
    },
    {"id": 990007, "title": "巨大", "body": "<p>" + "あ" * (MAX_BODY_CHARS + 10) + "</p>"},
    {"id": 990008, "title": "", "body": "<p>題名なし</p>"},
    {"id": 990009, "title": '<script>alert(1)</script>題名 & "引用"', "body": "<p>ok</p>"},
    {
        "id": 990010,
        "title": "制御文字\x02wzxhzdk:0\x03",
        "body": "<p>\x02wzxhzdk:0\x03</p><!-- comment -->",
    },
    {"id": 990011, "title": "壊れた日付", "body": "<p>x</p>", "updated_at": "きのう"},
    {"id": 990012, "title": "ラベル", "body": "<p>x</p>", "label_names": ["<b>x</b>"]},
    {
        "id": 990013,
        "title": "閉じタグ",
        "body": '<p>a</div></div><script>alert(1)</script><div markdown="1">**md**</div>',
    },
]
REJECTED = {"990007": "body", "990008": "title", "990011": "updated_at", "990012": "label_names"}


@pytest.fixture
def hostile_pages(helpdesk: Helpdesk, tmp_path: Path, caplog: pytest.LogCaptureFixture):
    helpdesk.post("/_articles", [{**a, "section_id": 360010} for a in HOSTILE])
    with caplog.at_level(logging.WARNING, logger="wardsite.faq"):
        outcome = pull_faq(helpdesk.source(), tmp_path / "s.json")
    pages = render_site(
        outcome.snapshot,
        helpdesk=lambda lang: ORG["helpdesk"],
        guides=lambda lang: {},
        note=outcome.staleness_note,
    )
    return outcome, {p.path: p.text for p in pages}, caplog.text


def test_bad_entries_are_skipped_with_a_warning_naming_their_id(hostile_pages) -> None:
    outcome, _, log = hostile_pages
    assert outcome.fresh
    ids = {e.id for e in outcome.snapshot.entries}
    for eid, field in REJECTED.items():
        assert eid not in ids
        assert f"FAQ {eid}" in log and field in log
    assert "4400101" in ids  # the rest is still published


def test_nothing_executable_survives(hostile_pages) -> None:
    _, pages, _ = hostile_pages
    md = site_markdown()
    for eid in (
        "990001",
        "990002",
        "990003",
        "990004",
        "990005",
        "990006",
        "990009",
        "990010",
        "990013",
    ):
        text = pages[f"faq/{eid}.md"]
        meta = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
        expanded = expand(body_of(text), ORG, f"faq/{eid}.md")  # the site's {{ org.x }} step
        html = md.reset().convert(expanded).lower()
        for bad in (
            "<script",
            "onerror",
            "onclick",
            "onmouseover",
            "onload",
            "javascript:",
            "data:text",
            "<iframe",
            "<object",
            "<form",
            "<input",
            "<style",
            "<svg",
            "style=",
            "<!--",
            "\x02",
            "\x03",
        ):
            assert bad not in html, (eid, bad)
            assert bad not in str(meta).lower(), (eid, bad)
        assert "<strong>" not in html and "<em>" not in html and "<kbd" not in html, eid
        assert "<pre>" not in html and "<mark>" not in html, eid
        assert 'class="admonition warning"' not in html, eid
        assert "03-5555-0100" not in md.reset().convert(
            expand(body_of(text).split("## ")[0], ORG, eid)
        ), eid


def test_template_text_is_shown_as_text(hostile_pages) -> None:
    _, pages, _ = hostile_pages
    html = site_markdown().convert(body_of(pages["faq/990004.md"]))
    assert "&#123;&#123; org.helpdesk.phone &#125;&#125;" in html
    assert "&#123;&#37; include" in html


def test_images_are_dropped_with_a_visible_note(hostile_pages) -> None:
    _, pages, _ = hostile_pages
    assert "画像はここには表示できません" in pages["faq/990002.md"]
    assert "手順の図" in pages["faq/990002.md"]


def test_image_handler_keeps_a_local_copy() -> None:
    html = sanitize_html(
        '<img src="https://hd.example/a.png" alt="図" onerror="x()">',
        image_handler=lambda url: "../../assets/faq/abc.png",
    )
    assert html == '<img src="../../assets/faq/abc.png" alt="図">'


def test_links_to_helpdesk_articles_point_to_our_pages() -> None:
    html = sanitize_html(
        '<a href="https://helpdesk.city-sakura.example/hc/ja/articles/4400101-pw">a</a>'
        '<a href="/hc/en-us/articles/4400102">b</a><a href="https://other.example/hc/ja/articles/1">c</a>'
        '<a href="/hc/ja/articles/777">d</a>',
        helpdesk_hosts={"helpdesk.city-sakura.example"},
        link_target=lambda eid, lang: f"../{eid}/" if eid in {"4400101", "4400102"} else None,
    )
    assert 'href="../4400101/"' in html and 'href="../4400102/"' in html
    assert 'href="https://other.example/hc/ja/articles/1"' in html
    assert "777" not in html and "公開されていません" in html


def test_title_is_escaped_in_front_matter(hostile_pages) -> None:
    _, pages, _ = hostile_pages
    meta = yaml.safe_load(pages["faq/990009.md"].split("\n---\n", 1)[0].removeprefix("---\n"))
    assert "<" not in meta["title"] and "＜script＞" in meta["title"]
    assert "&amp;" in meta["title"] and "&quot;" in meta["title"]
    meta4 = yaml.safe_load(pages["faq/990004.md"].split("\n---\n", 1)[0].removeprefix("---\n"))
    assert "{{" not in meta4["title"]
