"""The built site: FAQ question titles in the ``asked`` field of the guide they point to."""

from __future__ import annotations

from pathlib import Path

from support.searchshards import field_postings
from wardsite.search.segment import DocumentAnalyzer

#: A bundled FAQ entry (data/faq/snapshot) labelled guide:security/lost-device.
QUESTION = "ノートパソコンを家に置き忘れました"
GUIDE = "security/lost-device/"


def test_a_faq_question_names_its_guide_in_the_guides_own_document(site: Path) -> None:
    """Failed before: the index had no ``asked`` field."""
    asked = field_postings(site, "ja", "asked")
    words = DocumentAnalyzer().analyze(QUESTION).words
    assert "家" in words
    assert asked["家"] == [GUIDE]  # the guide's own document, no section, no other page
    for locations in asked.values():
        assert all("#" not in location for location in locations), locations
        assert not any(location.startswith(("faq/", "en/")) for location in locations)
    english = field_postings(site, "en", "asked")
    assert all(loc.startswith("en/") for locs in english.values() for loc in locs)
