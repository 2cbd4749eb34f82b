"""FAQ question titles as the words staff use for the guide they point to."""

from __future__ import annotations

from datetime import UTC, datetime

from wardsite.faq.asked import asked_titles, guide_paths
from wardsite.faq.model import FaqEntry

GUIDES = {"account/password-reset", "account/lockout"}


def entry(eid: str, title: str, *labels: str, locale: str = "ja", status: str = "published"):
    return FaqEntry(
        id=eid,
        locale=locale,
        title=title,
        body_html="<p>答え</p>",
        category_id="1",
        updated_at=datetime(2026, 4, 1, tzinfo=UTC),
        status=status,
        labels=labels,
    )


def test_guide_paths_are_the_guide_labels_without_md_or_slashes() -> None:
    one = entry("1", "q", "password", "guide:/account/password-reset.md", "guide: account/lockout/")
    assert guide_paths(one) == ["account/password-reset", "account/lockout"]


def test_titles_of_published_entries_of_the_language_go_to_existing_guides() -> None:
    entries = [
        entry("1", "パスワードを忘れました", "guide:account/password-reset"),
        entry("2", "ロックされました", "guide:account/lockout", "guide:account/password-reset"),
        entry("3", "下書きの質問", "guide:account/password-reset", status="draft"),
        entry("1", "I forgot my password", "guide:account/password-reset", locale="en"),
        entry("4", "ない手順の質問", "guide:nowhere/page"),
        entry("5", "ラベルのない質問", "password"),
        entry("6", "パスワードを忘れました", "guide:account/password-reset"),
    ]
    assert asked_titles(entries, "ja", GUIDES) == {
        "account/password-reset": ("パスワードを忘れました", "ロックされました"),
        "account/lockout": ("ロックされました",),
    }
    assert asked_titles(entries, "en", GUIDES) == {
        "account/password-reset": ("I forgot my password",)
    }
