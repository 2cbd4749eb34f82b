"""The FAQ in the real site build: bundled by default, live from the local helpdesk,
fallback with a note when it is down, strict mode, incremental pulls, withdrawn pages."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.faqdesk import HOSTILE_ID, build_with_faq, running_helpdesk
from support.searchshards import field_postings, indexed_terms

REPO = Path(__file__).resolve().parents[2]
BUNDLED = json.loads((REPO / "data/faq/snapshot/faq-snapshot.json").read_text("utf-8"))
JA_IDS = {e["id"] for e in BUNDLED["entries"] if e["locale"] == "ja"}
EN_IDS = {e["id"] for e in BUNDLED["entries"] if e["locale"] == "en"}
SAMPLE = json.loads((REPO / "data/faq/sample/articles.json").read_text("utf-8"))["articles"]
DRAFT_IDS = {str(a["id"]) for a in SAMPLE if a["draft"]}
INTERNAL_IDS = {str(a["id"]) for a in SAMPLE if str(a["section_id"]) == "360099"}
TOKEN = "faq-test-token-7f3a9c"
#: Articles added to the live helpdesk: one restricted to a user segment (in a public
#: section), one linking to a fragment, the English translation and unpublished ones.
RESTRICTED_ID, LINKING_ID, ASKING_ID = 990401, 990402, 990403
RESTRICTED_TEXT = "サインインした職員だけに見せる限定手順"
#: A word of the restricted article's title, and of a public article's, both labelled
#: guide:account/password-reset (the guide's "asked" search field takes FAQ titles).
RESTRICTED_WORD, ASKING_WORD = "向日葵", "紫陽花"
LIVE_ARTICLES = [
    {
        "id": RESTRICTED_ID,
        "locale": "ja",
        "section_id": 360001,
        "user_segment_id": 360000777,
        "title": f"限定公開の記事 {RESTRICTED_TEXT} {RESTRICTED_WORD}",
        "body": f"<p>{RESTRICTED_TEXT}</p>",
        "label_names": ["限定 ラベル", "guide:account/password-reset"],
    },
    {
        "id": ASKING_ID,
        "locale": "ja",
        "section_id": 360001,
        "title": f"{ASKING_WORD}の鉢を庁舎に置き忘れました",
        "body": "<p>忘れ物の届け先です。</p>",
        "label_names": ["guide:account/password-reset"],
    },
    {
        "id": LINKING_ID,
        "locale": "ja",
        "section_id": 360001,
        "title": "ほかの記事へのリンク",
        "body": (
            '<p><a href="https://helpdesk.city-sakura.example/hc/ja/articles/4400101#h_mfa">'
            "MFA の段落</a></p>"
            '<p><a href="/hc/en-us/articles/4400101-forgot-password">English version</a></p>'
            f'<p><a href="/hc/ja/articles/{RESTRICTED_ID}">限定記事へ</a></p>'
            '<p><a href="/hc/ja/articles/4400301">下書きへ</a></p>'
        ),
        "label_names": ["Microsoft Teams"],
    },
]
WITHDRAWN_ID, WITHDRAWN_CATEGORY = "4400104", "360001"
STALE_JA = "時点の内容です（ヘルプデスクに接続できなかったため）"


def _article(site: Path, rel: str) -> str:
    page = (site / rel / "index.html").read_text("utf-8")
    match = re.search(r"<article.*?</article>", page, re.S)
    assert match, rel
    return match.group(0)


def _faq_pages(site: Path, prefix: str = "faq") -> list[Path]:
    return sorted((site / prefix).rglob("index.html"))


# -- the default build: bundled snapshot, no network ----------------------------------


def test_default_build_publishes_the_bundled_faq(site_build: tuple[Path, str]) -> None:
    site, log = site_build
    assert "リポジトリに同梱の FAQ" in log
    for eid in JA_IDS:
        assert (site / "faq" / eid / "index.html").is_file(), eid
    for eid in EN_IDS:
        assert (site / "en" / "faq" / eid / "index.html").is_file(), eid
    # Japanese entries are not copied under /en/; drafts and internal entries nowhere.
    assert not (site / "en" / "faq" / next(iter(JA_IDS - EN_IDS))).exists()
    for eid in DRAFT_IDS | INTERNAL_IDS:
        assert not (site / "faq" / eid).exists(), eid
    assert (site / "faq" / "index.html").is_file() and (site / "en/faq/index.html").is_file()


def test_entry_page_has_category_tags_date_helpdesk_and_related_guides(
    site_build: tuple[Path, str],
) -> None:
    site, _ = site_build
    text = _article(site, "faq/4400101")
    assert 'href="../categories/360001/"' in text
    assert 'class="faq-tag"' in text
    assert "最終更新日" in text and "2026年4月1日" in text
    assert 'class="faq-ask" href="mailto:' in text
    assert 'href="../../account/password-reset/"' in text  # guide: label → related guide
    assert "ヘルプデスクに接続しない設定でビルドしたため" in text
    category = _article(site, "faq/categories/360001")
    assert 'href="../../4400101/"' in category
    english = _article(site, "en/faq/4400101")
    assert "Last updated" in english and 'href="../../account/password-reset/"' in english


def test_answers_without_pictures_load_no_lightbox(site_build: tuple[Path, str]) -> None:
    """The bundled answers have no image: mkdocs-glightbox leaves their pages alone
    (failed before: every FAQ page loaded the lightbox's script and style)."""
    site, _ = site_build
    for entry_id in sorted(JA_IDS)[:5]:
        text = (site / "faq" / str(entry_id) / "index.html").read_text("utf-8")
        assert "faq-answer" in text and "glightbox" not in text
    assert "glightbox.min.js" in (site / "devices" / "wifi" / "index.html").read_text("utf-8")


def test_faq_is_in_the_menu_under_help_but_entries_are_not(site_build) -> None:
    site, log = site_build
    help_page = (site / "help/index.html").read_text("utf-8")
    assert 'href="../faq/"' in help_page and "よくある質問" in help_page
    assert "faq/4400101" not in help_page
    assert "faq/4400101.md" not in log  # not listed as "not included in the nav"
    assert "FAQ" in (site / "en/help/index.html").read_text("utf-8")


def test_faq_pages_are_in_the_search_index(site_build) -> None:
    site, _ = site_build
    docs = json.loads((site / "search/search_index.json").read_text("utf-8"))["docs"]
    locations = {d["location"] for d in docs}
    assert "faq/4400101/" in locations and "en/faq/4400101/" in locations


# -- live builds against the local helpdesk -------------------------------------------


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Three builds against one helpdesk that requires a token: first (full pull, with a
    hostile entry), second with nothing changed, third after an entry was withdrawn."""
    base = tmp_path_factory.mktemp("faq-live")
    state = base / "state"
    out: dict[str, Any] = {"state": state}
    with running_helpdesk() as desk:
        desk.control(token=TOKEN)
        desk.add_hostile_entry()
        desk.post("/_articles", LIVE_ARTICLES)
        for n in (1, 2, 3):
            if n == 3:
                desk.post("/_withdraw", {"id": int(WITHDRAWN_ID), "locale": "ja"})
            desk.clear_log()
            result = build_with_faq(base / f"site{n}", state, base_url=desk.base_url, token=TOKEN)
            out[n] = {
                "site": base / f"site{n}",
                "log": result.stdout + result.stderr,
                "rc": result.returncode,
                "requests": desk.requests_since_clear(),
            }
        out["desk"] = desk
        yield out


def test_live_build_publishes_without_a_staleness_note(live) -> None:
    first = live[1]
    assert first["rc"] == 0, first["log"]
    assert "全件" in first["log"]
    site = first["site"]
    for page in _faq_pages(site):
        assert "faq-stale" not in page.read_text("utf-8"), page
    assert (site / "faq" / str(HOSTILE_ID) / "index.html").is_file()
    assert (live["state"] / "faq-snapshot.json").is_file()
    faq_status = json.loads((live["state"] / "faq-status.json").read_text("utf-8"))
    assert faq_status["live"] and faq_status["fresh"] and faq_status["consecutive_stale"] == 0


def test_second_unchanged_build_asks_only_for_the_change_list(live) -> None:
    second = live[2]
    assert second["rc"] == 0, second["log"]
    paths = [r["path"] for r in second["requests"]]
    articles = [p for p in paths if p.endswith("articles.json")]
    assert articles == ["/api/v2/help_center/incremental/articles.json"], paths
    assert not [p for p in paths if "article_attachments" in p]  # images come from the cache
    assert "変更分のみ" in second["log"]


def test_withdrawn_entry_keeps_its_url_with_a_link_to_its_category(live) -> None:
    third = live[3]
    assert third["rc"] == 0, third["log"]
    site = third["site"]
    text = _article(site, f"faq/{WITHDRAWN_ID}")
    assert "公開を終了しました" in text
    assert f'href="../categories/{WITHDRAWN_CATEGORY}/"' in text
    assert f"../../{WITHDRAWN_ID}/" not in _article(site, f"faq/categories/{WITHDRAWN_CATEGORY}")
    docs = json.loads((site / "search/search_index.json").read_text("utf-8"))["docs"]
    assert not any(d["location"].startswith(f"faq/{WITHDRAWN_ID}/") for d in docs)


def test_restricted_article_is_in_no_page_and_no_search_shard(live) -> None:
    first = live[1]
    assert not (first["site"] / "faq" / str(RESTRICTED_ID)).exists()
    shards = 0
    for path in first["site"].rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for form in (RESTRICTED_TEXT, json.dumps(RESTRICTED_TEXT)[1:-1]):
                assert form.encode() not in data, path
            shards += path.parent.name == "search" and path.suffix == ".json"
    assert shards  # the search index was there to be checked


def test_only_published_articles_name_their_guide_in_the_search_index(live) -> None:
    """The guide's ``asked`` field has the public article's title words, never the
    restricted one's (both point to the same guide); a term-level check, since the
    field holds analysed words, not the title text."""
    site = live[1]["site"]
    asked = field_postings(site, "ja", "asked")
    assert asked[ASKING_WORD] == ["account/password-reset/"]
    assert RESTRICTED_WORD not in indexed_terms(site, "ja")
    assert RESTRICTED_WORD not in asked


def test_article_links_keep_fragment_language_and_skip_unpublished(live) -> None:
    text = _article(live[1]["site"], f"faq/{LINKING_ID}")
    assert 'href="../4400101/#faq-h_mfa"' in text
    assert 'href="../../en/faq/4400101/"' in text
    assert f"articles/{RESTRICTED_ID}" not in text and "articles/4400301" not in text
    assert f"../{RESTRICTED_ID}/" not in text and "../4400301/" not in text
    assert text.count("このリンク先の FAQ は公開されていません") == 2
    assert "Microsoft Teams" in text  # a label with a space is a tag, not a reason to skip


def test_token_never_reaches_the_site_or_the_log(live) -> None:
    for n in (1, 2, 3):
        assert TOKEN not in live[n]["log"]
        for path in live[n]["site"].rglob("*"):
            if path.is_file():
                assert TOKEN.encode() not in path.read_bytes(), path
    assert TOKEN not in (live["state"] / "faq-snapshot.json").read_text("utf-8")


def test_hostile_entry_is_inert_and_template_text_literal(live) -> None:
    site = live[1]["site"]
    text = _article(site, f"faq/{HOSTILE_ID}")
    assert "<script" not in text and "onerror" not in text and "onclick" not in text
    assert "javascript:" not in text and "<iframe" not in text and "<svg" not in text
    shown = html.unescape(re.sub(r"<[^>]+>", "", text))
    assert "{{ org.helpdesk.phone }} と {{ config }}" in shown
    assert "**太字ではない** `コードでもない`" in shown
    title = re.search(r"<title>(.*?)</title>", (site / f"faq/{HOSTILE_ID}/index.html").read_text())
    assert title and "<script" not in title.group(1)


def test_helpdesk_images_are_copied_into_the_site_others_dropped_with_a_note(live) -> None:
    site = live[1]["site"]
    text = _article(site, f"faq/{HOSTILE_ID}")
    local = re.findall(r'<img src="\.\./\.\./assets/faq-images/([0-9a-f]+\.png)"', text)
    assert len(local) == 1, text
    assert (site / "assets/faq-images" / local[0]).read_bytes().startswith(b"\x89PNG")
    assert "SVGの図" in text and "外部の図" in text  # dropped, with the note and alt text
    assert text.count("画像はここには表示できません") == 3  # img onerror, svg, outside host
    assert "outside.example" not in text
    page = (site / "faq" / str(HOSTILE_ID) / "index.html").read_text("utf-8")
    assert "glightbox.min.js" in page  # an answer with a picture keeps the lightbox


# -- the helpdesk is down ---------------------------------------------------------------


def test_helpdesk_error_publishes_last_good_with_a_note_on_every_page(live, tmp_path) -> None:
    state = tmp_path / "state"
    shutil.copytree(live["state"], state)
    with running_helpdesk() as desk:
        desk.control(fault="500")
        result = build_with_faq(tmp_path / "site", state, base_url=desk.base_url)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "WARNING" not in log
    assert "HTTP 500" in log and "前回取得した内容" in log
    pages = _faq_pages(tmp_path / "site")
    assert len(pages) > 50
    for page in pages:
        if f"/faq/{WITHDRAWN_ID}/" in page.as_posix():
            continue  # the withdrawn page says so instead
        assert STALE_JA in page.read_text("utf-8"), page
    assert (tmp_path / "site/faq" / str(HOSTILE_ID) / "index.html").is_file()  # last good
    faq_status = json.loads((state / "faq-status.json").read_text("utf-8"))
    assert not faq_status["fresh"] and faq_status["consecutive_stale"] == 1
    assert "HTTP 500" in faq_status["reason"] and "127.0.0.1" not in faq_status["reason"]


def test_refused_connection_falls_back_to_the_bundled_faq(tmp_path, free_port) -> None:
    result = build_with_faq(
        tmp_path / "site", tmp_path / "state", base_url=f"http://127.0.0.1:{free_port}"
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "接続できませんでした" in log and "リポジトリに同梱の内容" in log
    for page in _faq_pages(tmp_path / "site"):
        assert STALE_JA in page.read_text("utf-8"), page
    en = _faq_pages(tmp_path / "site", "en/faq")
    assert en and all("the helpdesk could not be reached" in p.read_text("utf-8") for p in en)


def test_strict_mode_fails_the_build_with_a_japanese_message(tmp_path, free_port) -> None:
    result = build_with_faq(
        tmp_path / "site", tmp_path / "state", base_url=f"http://127.0.0.1:{free_port}", strict="1"
    )
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "ビルドを止めました" in log and "接続できませんでした" in log


def test_strict_mode_without_a_helpdesk_fails_too(tmp_path) -> None:
    result = build_with_faq(tmp_path / "site", tmp_path / "state", strict="1")
    assert result.returncode != 0
    assert "接続先（base_url）が設定されていません" in result.stdout + result.stderr


def test_an_article_skipped_for_bad_data_fails_the_strict_build(tmp_path) -> None:
    with running_helpdesk() as desk:
        desk.post(
            "/_articles",
            [
                {
                    "id": 990403,
                    "locale": "ja",
                    "section_id": 360001,
                    "title": "本文なし",
                    "body": " ",
                }
            ],
        )
        result = build_with_faq(tmp_path / "site", tmp_path / "state", base_url=desk.base_url)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert re.search(r"WARNING .*FAQ 990403 を飛ばしました.*body", log), log


# -- FAQ pages converted once per shape (wardsite.faq.skeleton) ------------------------


def test_faq_pages_are_converted_once_per_shape(site_build: tuple[Path, str]) -> None:
    """Failed before the permalinks fix: every page linked to its own headings, so no
    shape was kept and each page was converted on its own."""
    _, log = site_build
    match = re.search(r"converted once per shape \(ja: (\d+) pages, (\d+) conversions", log)
    assert match, log
    pages, conversions = int(match.group(1)), int(match.group(2))
    assert pages >= len(JA_IDS) and conversions < pages / 2


def _converters(site: Path) -> int:
    """Markdown converters the build of ``site`` made (``tools.log`` beside it)."""
    lines = (site.parent / "tools.log").read_text("utf-8").splitlines()
    return sum(1 for line in lines if line == "markdown")


def test_faq_pages_of_a_converted_shape_make_no_markdown_converter(
    site_build: tuple[Path, str], site_build_without_shortcuts: tuple[Path, str]
) -> None:
    """MkDocs makes a Markdown converter per page, which costs more than converting
    a short page; a page whose shape is converted already needs none. Failed before:
    both builds made the same number of converters."""
    site, log = site_build
    other, _ = site_build_without_shortcuts
    shapes = re.search(r"converted once per shape \((.*?)\)", log)
    assert shapes, log
    counts = re.findall(r"(\d+) pages, (\d+) conversions", shapes.group(1))
    saved = sum(int(pages) - int(conversions) for pages, conversions in counts)
    assert saved > 0
    assert _converters(site) <= _converters(other) - saved


def test_faq_pages_are_the_same_as_converted_one_by_one(
    site_build: tuple[Path, str], site_build_without_shortcuts: tuple[Path, str]
) -> None:
    """The whole FAQ, byte for byte, against a build that converts every page itself
    (the whole site is compared in tests/site/test_shared_fragments.py)."""
    site, _ = site_build
    other, log = site_build_without_shortcuts
    assert "converted once per shape" not in log
    for prefix in ("faq", "en/faq"):
        ours = {p.relative_to(site): p.read_bytes() for p in (site / prefix).rglob("*.html")}
        each = {p.relative_to(other): p.read_bytes() for p in (other / prefix).rglob("*.html")}
        assert ours.keys() == each.keys()
        assert len(ours) > 10
        for path, content in ours.items():
            assert content == each[path], path
