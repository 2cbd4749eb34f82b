"""The ``asked`` field: FAQ question titles and a page's own ``asked:`` phrases."""

from __future__ import annotations

from pathlib import Path

import yaml

from support.searchshards import field_postings
from wardsite.search.index import SearchDoc, build_index
from wardsite.search.segment import DocumentAnalyzer
from wardsite.search.synonyms import parse_synonyms

DOCS = Path(__file__).resolve().parents[2] / "docs"

#: A bundled FAQ entry (data/faq/snapshot) labelled guide:security/lost-device.
QUESTION = "ノートパソコンを家に置き忘れました"
GUIDE = "security/lost-device/"


def test_a_faq_question_names_its_guide_in_the_guides_own_document(site: Path) -> None:
    """Failed before: the index had no ``asked`` field."""
    asked = field_postings(site, "ja", "asked")
    words = DocumentAnalyzer().analyze(QUESTION).words
    assert "家" in words
    # the guide's own document, no section; other pages only by their own ``asked:``
    assert GUIDE in asked["家"]
    assert set(asked["家"]) - {GUIDE} <= {
        location for location, phrases in pages_with_asked("ja") if "家" in words_of(phrases)
    }
    for locations in asked.values():
        assert all("#" not in location for location in locations), locations
        assert not any(location.startswith(("faq/", "en/")) for location in locations)
    english = field_postings(site, "en", "asked")
    assert all(loc.startswith("en/") for locs in english.values() for loc in locs)


def pages_with_asked(lang: str) -> list[tuple[str, list[str]]]:
    """(search location, ``asked:`` phrases) of the guide pages of ``lang`` that have them."""
    out = []
    for path in sorted(DOCS.rglob("*.md")):
        if path.name.endswith(".en.md") != (lang == "en"):
            continue
        meta = yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])
        if meta.get("asked"):
            stem = path.relative_to(DOCS).as_posix().removesuffix(".en.md").removesuffix(".md")
            location = stem.removesuffix("index").removesuffix("/")
            location = f"{location}/" if location else ""
            out.append(((f"en/{location}" if lang == "en" else location), meta["asked"]))
    return out


def words_of(phrases: list[str]) -> set[str]:
    analyzer = DocumentAnalyzer()
    return {word for phrase in phrases for word in analyzer.analyze(phrase).words}


def test_a_pages_own_asked_phrases_reach_its_own_document(site: Path) -> None:
    """Front matter ``asked:`` (how staff ask for a page) goes to that page's own document.

    Failed before: no page's phrases reached the index.
    """
    for lang in ("ja", "en"):
        pages = pages_with_asked(lang)
        assert len(pages) >= 10, lang
        asked = field_postings(site, lang, "asked")
        for location, phrases in pages:
            mine = {word for word, locations in asked.items() if location in locations}
            # only words the page lacks are kept, so some may be missing; none can be foreign
            assert mine & words_of(phrases), (lang, location)


def test_asked_keeps_no_synonym_of_a_word_the_page_has() -> None:
    """チームズ asked of a page that says Teams is no new word for it.

    Failed before: the synonym came in at the asked field's weight and lifted a
    page that only mentions Teams above the Teams page for the query "Teams".
    """
    docs = [
        SearchDoc("teams/", "Teams の使い方", "チャットと会議の使い方です。"),
        SearchDoc(
            "teams/mobile/",
            "スマートフォンで使う",
            "スマートフォンに Teams を入れます。",
            asked=("チームズをスマホで", "携帯で会議"),
        ),
    ]
    bundle = build_index(docs, "ja", synonyms=parse_synonyms("groups:\n  - Teams, チームズ\n"))
    asked = {
        term
        for term, entry in bundle["index"]["invertedIndex"]
        for postings in [entry.get("asked", {})]
        if postings
    }
    assert "携帯" in asked  # a word the page lacks stays
    assert "ちむず" not in asked and "teams" not in asked
