"""Pages from a snapshot: stable URLs, categories, related guides, withdrawn pages, notes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import yaml

from wardsite.faq.pull import BUNDLED_SNAPSHOT
from wardsite.faq.render import FAQ_SEARCH_BOOST, render_site
from wardsite.faq.snapshot import Snapshot, Withdrawn, load_snapshot
from wardsite.org import load_org, localized

from .markdown_site import body_of, site_markdown

ORG = load_org(Path(__file__).resolve().parents[2] / "org.yml")
GUIDES = {"account/password-reset": "パスワードを忘れたとき", "account/lockout": "ロックされたとき"}


def bundled() -> Snapshot:
    snap = load_snapshot(BUNDLED_SNAPSHOT)
    assert snap is not None
    return snap


def render(snap: Snapshot, note: str | None = None) -> dict[str, str]:
    pages = render_site(
        snap,
        helpdesk=lambda lang: localized(ORG, lang)["helpdesk"] if lang != "ja" else ORG["helpdesk"],
        guides=lambda lang: GUIDES if lang == "ja" else {},
        note=lambda lang: note,
    )
    paths = [p.path for p in pages]
    assert len(paths) == len(set(paths))
    return {p.path: p.text for p in pages}


def meta(text: str) -> dict:
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def test_every_entry_has_a_page_at_its_id() -> None:
    snap = bundled()
    pages = render(snap)
    for entry in snap.entries:
        path = f"faq/{entry.id}.md" if entry.locale == "ja" else f"faq/{entry.id}.en.md"
        assert path in pages
    assert "faq/index.md" in pages and "faq/index.en.md" in pages
    assert "faq/categories/360001.md" in pages


def test_title_change_keeps_the_url() -> None:
    snap = bundled()
    first = snap.entries[0]
    renamed = replace(first, title="新しい題名")
    pages = render(replace(snap, entries=(renamed, *snap.entries[1:])))
    path = f"faq/{first.id}.md" if first.locale == "ja" else f"faq/{first.id}.en.md"
    assert meta(pages[path])["title"] == "新しい題名"


def test_entry_page_parts() -> None:
    pages = render(
        bundled(),
        note="この FAQ は 2026-11-20 09:00 時点の内容です（ヘルプデスクに接続できなかったため）",
    )
    text = pages["faq/4400104.md"]
    assert meta(text)["title"] == "「アカウントがロックされています」と表示されました"
    assert meta(text)["description"]
    assert "最終更新日" in text and "faq-tag" in text
    assert "[パスワードを忘れたとき](../account/password-reset.md)" in text
    assert "[ロックされたとき](../account/lockout.md)" in text
    assert 'href="../4400101/"' in text  # helpdesk link rewritten to our page
    assert "03-5555-0100" in text and "mailto:it-helpdesk@city-sakura.example" in text
    html = site_markdown().convert(body_of(text))
    assert "2026-11-20 09&#58;00 時点の内容です" in html
    assert "admonition warning" in html


def test_english_pages_are_english() -> None:
    text = render(bundled())["faq/4400101.en.md"]
    assert meta(text)["title"] == "I forgot my password. What should I do?"
    assert "Last updated" in text and "IT Helpdesk" in text


def test_category_page_lists_its_entries() -> None:
    text = render(bundled())["faq/categories/360001.md"]
    assert meta(text)["title"] == "アカウントとパスワード"
    assert 'href="../../4400101/"' in text


def test_withdrawn_entry_still_answers() -> None:
    snap = bundled()
    gone = Withdrawn("4400999", "ja", "古い質問", "360001", datetime(2026, 11, 1, tzinfo=UTC))
    pages = render(replace(snap, withdrawn=(gone,)))
    text = pages["faq/4400999.md"]
    assert "公開を終了しました" in text and 'href="../categories/360001/"' in text
    assert meta(text)["search"] == {"exclude": True}


def test_withdrawn_entry_in_a_vanished_category_links_to_the_overview() -> None:
    snap = bundled()
    gone = Withdrawn(
        "4400998", "ja", "消えた分類の質問", "999999", datetime(2026, 11, 1, tzinfo=UTC)
    )
    text = render(replace(snap, withdrawn=(gone,)))["faq/4400998.md"]
    assert 'href="../"' in text


def test_search_ranks_guides_above_faq_and_skips_lists() -> None:
    pages = render(bundled())
    assert meta(pages["faq/4400104.md"])["search"] == {"boost": FAQ_SEARCH_BOOST}
    assert meta(pages["faq/categories/360001.md"])["search"] == {"exclude": True}
    assert meta(pages["faq/index.md"])["search"] == {"exclude": True}
    # The helpdesk box every entry shares is kept out of the index.
    assert '<div class="faq-aside" data-search-exclude markdown>' in pages["faq/4400104.md"]
