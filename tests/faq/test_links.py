"""Links between helpdesk articles: fragment kept, the linked translation's page, and no
site link to an article the site does not publish."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from wardsite.faq.model import make_entry
from wardsite.faq.publish import pages_for
from wardsite.faq.pull import PullOutcome
from wardsite.faq.sanitize import sanitize_html
from wardsite.faq.snapshot import Snapshot, Withdrawn

HOST = "helpdesk.city-sakura.example"
WHEN = datetime(2026, 5, 1, tzinfo=UTC)


def _entry(eid: str, locale: str, body: str):
    return make_entry(
        id=eid,
        locale=locale,
        title=f"記事 {eid} {locale}",
        body_html=body,
        category_id="360001",
        updated_at=WHEN,
        source="test",
    )


LINKS = (
    f'<p><a href="https://{HOST}/hc/ja/articles/100-pw#h_step2">手順2</a></p>'
    f'<p><a href="https://{HOST}/hc/en-us/articles/100#h_step2">English</a></p>'
    '<p><a href="/hc/en-us/articles/200">英語版のない記事</a></p>'
    '<p><a href="/hc/ja/articles/300">公開されていない記事</a></p>'
    '<p><a href="/hc/ja/articles/400">取り下げた記事</a></p>'
    '<p><a href="#h_local">この記事の中</a></p>'
)
SNAPSHOT = Snapshot(
    source="zendesk",
    pulled_at=WHEN,
    hosts=(HOST,),
    entries=(
        _entry("100", "ja", '<h2 id="h_step2">手順2</h2><p>本文</p>'),
        _entry("100", "en", '<h2 id="h_step2">Step 2</h2><p>Text</p>'),
        _entry("200", "ja", "<p>日本語だけ</p>"),
        _entry("500", "ja", LINKS + '<h3 id="h_local">ここ</h3>'),
        _entry("500", "en", LINKS.replace("/hc/ja/articles/100-pw", "/hc/articles/100")),
    ),
    withdrawn=(Withdrawn("400", "ja", "古い記事", "360001", WHEN),),
)


def _answer(lang: str, eid: str = "500") -> str:
    outcome = PullOutcome(SNAPSHOT, "full")
    pages = {p.src_uri: p.markdown for p in pages_for(outcome, lang, helpdesk={}, guides={})}
    match = re.search(r'<div class="faq-answer".*?</div>', pages[f"faq/{eid}.md"])
    assert match
    return match.group(0)


def _href(html: str, text: str) -> str | None:
    match = re.search(r"<a([^>]*)>" + re.escape(text) + "</a>", html)
    assert match, text
    found = re.search(r'href="([^"]*)"', match.group(1))
    return found.group(1) if found else None


def test_fragment_is_kept_and_matches_the_heading_id() -> None:
    ja = _answer("ja")
    assert _href(ja, "手順2") == "../100/#faq-h_step2"
    target = _answer("ja", "100")
    # On a span inside the heading: a heading with an id would split the answer into
    # several search results.
    assert '<h2><span id="faq-h_step2"></span>手順2</h2>' in target
    assert _href(ja, "この記事の中") == "#faq-h_local" and 'id="faq-h_local"' in ja


def test_link_to_the_english_translation_goes_to_the_english_page() -> None:
    ja = _answer("ja")
    assert _href(ja, "English") == "../../en/faq/100/#faq-h_step2"
    en = _answer("en")
    # No locale in the link: the reader's language.
    assert _href(en, "手順2") == "../100/#faq-h_step2"
    # The English translation is not published: the Japanese page, from /en/faq/500/.
    assert _href(en, "英語版のない記事") == "../../../faq/200/"
    assert _href(ja, "英語版のない記事") == "../200/"


def test_links_to_articles_not_on_the_site_become_plain_text_with_a_note() -> None:
    for lang in ("ja", "en"):
        html = _answer(lang)
        for text in ("公開されていない記事", "取り下げた記事"):
            assert _href(html, text) is None, (lang, text)
        assert "articles/300" not in html and "articles/400" not in html
    assert _answer("ja").count("このリンク先の FAQ は公開されていません") == 2


def test_ids_from_the_helpdesk_cannot_clash_with_the_site() -> None:
    html = sanitize_html(
        '<h2 id="__search">x</h2><p id="a b&quot;c">y</p><a href="#__drawer">z</a>'
    )
    assert 'id="__search"' not in html and 'href="#__drawer"' not in html
    assert 'id="faq-__search"' in html and 'href="#faq-__drawer"' in html
    assert 'id="faq-a_b_c"' in html
    japanese = sanitize_html('<a href="#%E6%89%8B%E9%A0%86">x</a><h3 id="手順">y</h3>')
    assert 'href="#faq-手順"' in japanese and '<span id="faq-手順"></span>' in japanese


def test_each_language_is_rendered_alone_at_language_neutral_paths() -> None:
    outcome = PullOutcome(SNAPSHOT, "full")
    en = pages_for(outcome, "en", helpdesk={}, guides={})
    assert {p.lang for p in en} == {"en"}
    assert {p.src_uri for p in en} == {
        "faq/100.md",
        "faq/500.md",
        "faq/categories/360001.md",
        "faq/index.md",
    }
    assert [p.src_uri for p in en if p.in_nav] == ["faq/index.md"]
    ja = {p.src_uri for p in pages_for(outcome, "ja", helpdesk={}, guides={})}
    assert {"faq/100.md", "faq/200.md", "faq/400.md", "faq/500.md", "faq/index.md"} <= ja
    assert not any(".en." in path or path.startswith("en/") for path in ja)


def test_a_language_without_entries_still_has_the_overview() -> None:
    outcome = PullOutcome(SNAPSHOT, "full")
    pages = pages_for(outcome, "fr", helpdesk={}, guides={})
    assert [(p.src_uri, p.in_nav) for p in pages] == [("faq/index.md", True)]
