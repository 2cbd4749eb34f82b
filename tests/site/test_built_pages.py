"""The built site: every page is complete, readable and in the right language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support.builtsite import content_pages, parse_page
from wardsite.org import load_org

ROOT = Path(__file__).resolve().parents[2]
ORG = load_org(ROOT / "org.yml")
JA_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
EN_DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|"
    r"October|November|December) \d{4}\b"
)


def _rel(site: Path, page: Path) -> str:
    return page.relative_to(site).as_posix()


def test_strict_build_has_no_warning(site_build: tuple[Path, str]) -> None:
    _, log = site_build
    assert "WARNING" not in log, log


def test_every_page_has_title_and_own_description(site: Path) -> None:
    homes = {"index.html", "en/index.html"}
    problems = []
    for path in content_pages(site):
        page = parse_page(path)
        rel = _rel(site, path)
        if not page.title.strip():
            problems.append(f"{rel}: no <title>")
        if not (page.description or "").strip():
            problems.append(f"{rel}: no meta description")
        elif rel not in homes and page.description in {
            ORG["site"]["description"],
            ORG["site"]["description_en"],
        }:
            problems.append(f"{rel}: only the site-wide description")
        if len(page.h1) != 1:
            problems.append(f"{rel}: {len(page.h1)} <h1> elements")
    assert not problems, "\n".join(problems)


def test_there_are_at_least_35_japanese_guide_pages(site: Path) -> None:
    guides = [
        p
        for p in content_pages(site)
        if not _rel(site, p).startswith("en/") and _rel(site, p) != "index.html"
    ]
    assert len(guides) >= 35, [_rel(site, p) for p in guides]


def test_no_placeholder_is_left_unfilled(site: Path) -> None:
    leftovers = [_rel(site, p) for p in site.rglob("*.html") if "{{ org." in p.read_text("utf-8")]
    assert not leftovers


def test_pages_are_in_the_language_of_their_folder(site: Path) -> None:
    for path in content_pages(site):
        expected = "en" if _rel(site, path).startswith("en/") else "ja"
        assert parse_page(path).lang == expected, _rel(site, path)


@pytest.mark.parametrize(
    "rel",
    [
        "index.html",
        "start/index.html",
        "start/first-day.html",
        "start/first-signin.html",
        "start/mfa-setup.html",
        "help/index.html",
        "account/index.html",
        "account/password-reset.html",
        "account/lockout.html",
        "account/transfer.html",
        "account/retirement.html",
        "files/index.html",
        "files/restore.html",
        "files/share.html",
        "devices/index.html",
        "devices/printing.html",
        "security/index.html",
        "security/phishing.html",
        "security/lost-device.html",
        "security/generative-ai.html",
    ],
)
def test_key_pages_have_real_english_versions(site: Path, rel: str) -> None:
    path = (
        site / "en" / rel.replace(".html", "/index.html").replace("index/index.html", "index.html")
    )
    page = parse_page(path)
    assert page.lang == "en"
    assert "not translated yet" not in page.text
    assert not re.search(r"[ぁ-ん]{6,}", page.h1[0]), page.h1


#: Sections whose every guide page has an English version (``name.en.md``).
TRANSLATED_SECTIONS = (
    "start",
    "account",
    "teams",
    "outlook",
    "telework",
    "network",
    "help",
    "learning",
    "files",
    "devices",
    "security",
)


def test_guide_pages_of_translated_sections_are_in_english(site: Path) -> None:
    sources = [
        src
        for section in TRANSLATED_SECTIONS
        for src in sorted((ROOT / "docs" / section).glob("*.md"))
        if not src.name.endswith(".en.md")
    ]
    assert len(sources) >= 30
    problems = []
    for src in sources:
        rel = src.relative_to(ROOT / "docs").with_suffix("").as_posix()
        if not src.with_suffix(".en.md").exists():
            problems.append(f"{rel}: no .en.md")
            continue
        built = site / "en" / (rel.removesuffix("index") + "/index.html").replace("//", "/")
        page = parse_page(built)
        if "not translated yet" in page.text or '<div lang="ja">' in built.read_text("utf-8"):
            problems.append(f"{rel}: shown in Japanese")
        elif re.search(r"[ぁ-ん]{6,}", page.h1[0]):
            problems.append(f"{rel}: Japanese heading {page.h1[0]}")
    assert not problems, "\n".join(problems)


def test_untranslated_english_page_shows_japanese_text_with_a_note(site: Path) -> None:
    # The training-recording pages are made from sessions/*.yml in Japanese only.
    path = site / "en" / "learning" / "sessions" / "hands-on-02" / "index.html"
    page = parse_page(path)
    assert page.lang == "en"
    assert "This page is not translated yet" in page.text
    assert re.search(r"[ぁ-んァ-ン]", page.h1[0])
    assert ORG["helpdesk"]["phone"] in page.text
    html = path.read_text("utf-8")
    assert '<div lang="ja">' in html  # screen readers switch to Japanese
    assert 'class="admonition info" lang="en"' in html


def test_japanese_page_shows_last_updated_in_japanese(site: Path) -> None:
    page = parse_page(site / "teams" / "chat" / "index.html")
    assert "最終更新日" in page.text
    assert JA_DATE.search(page.text)


def test_english_page_shows_last_updated_in_english(site: Path) -> None:
    page = parse_page(site / "en" / "account" / "index.html")
    assert EN_DATE.search(page.text), page.text[-400:]


def test_japanese_headings_have_readable_anchors(site: Path) -> None:
    ids = []
    for path in content_pages(site):
        ids += re.findall(r'<h[2-6] id="([^"]+)"', path.read_text("utf-8"))
    assert not [i for i in ids if re.fullmatch(r"_\d*", i)]
    assert "うまくいかないとき" in ids


def test_search_index_finds_english_words_in_japanese_site(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    # The English stemmer would store OneDrive as "onedr", which wildcard
    # queries never reach; the pipeline must keep words as they are.
    assert index["config"]["pipeline"] == []
    assert any("OneDrive" in d["text"] for d in index["docs"])


def test_helpdesk_facts_come_from_org_file(site: Path) -> None:
    for rel in ("index.html", "help/index.html", "en/help/index.html"):
        text = parse_page(site / rel).text
        assert ORG["helpdesk"]["phone"] in text, rel
    assert ORG["helpdesk"]["hours_en"] in parse_page(site / "en" / "help" / "index.html").text


def test_theme_features_are_on(site: Path) -> None:
    html = (site / "teams" / "chat" / "index.html").read_text("utf-8")
    assert "md-tabs" in html  # navigation tabs
    assert "md-path" in html  # breadcrumbs
    assert "md-top" in html  # back to top
    assert "md-footer__link--prev" in html and "md-footer__link--next" in html
    schemes = re.findall(r'data-md-color-scheme="(\w+)"', html)
    assert {"default", "slate"} <= set(schemes)  # light and dark palettes
