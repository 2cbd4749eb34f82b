"""Who may read an article on the helpdesk decides whether the site publishes it;
articles skipped for bad data are warnings; labels with spaces are normal.

Against the local helpdesk (``wardsite_ops.faqdesk``) over real HTTP.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest

from support.faqdesk import Helpdesk
from wardsite.faq.pull import PullOptions, pull_faq
from wardsite_mkdocs.faq_pages import route_faq_log

SEGMENT = 360000777  # a user segment, e.g. Zendesk's built-in "Signed-in users"
SECRET = "サインインした人だけが読める内部手順"


def _restricted(aid: int, **visibility: object) -> dict[str, object]:
    return {
        "id": aid,
        "locale": "ja",
        "section_id": 360001,  # a public section
        "title": f"限定記事 {aid}",
        "body": f"<p>{SECRET}（{aid}）</p>",
        **visibility,
    }


def _keys(outcome) -> set[tuple[str, str]]:
    return {e.key for e in outcome.snapshot.entries}


def test_articles_restricted_to_a_user_segment_are_not_published(
    helpdesk: Helpdesk, tmp_path: Path
) -> None:
    helpdesk.post(
        "/_articles",
        [
            _restricted(990301, user_segment_id=SEGMENT),
            _restricted(990302, user_segment_id=None, user_segment_ids=[SEGMENT]),
            _restricted(990303, user_segment_id=None, user_segment_ids=[]),  # everyone
        ],
    )
    outcome = pull_faq(helpdesk.source(), tmp_path / "s.json")
    keys = _keys(outcome)
    assert ("990301", "ja") not in keys and ("990302", "ja") not in keys
    assert ("990303", "ja") in keys
    assert SECRET + "（990301）" not in (tmp_path / "s.json").read_text("utf-8")


def test_segments_listed_in_the_settings_are_published(helpdesk: Helpdesk, tmp_path: Path) -> None:
    helpdesk.post(
        "/_articles",
        [
            _restricted(990301, user_segment_id=SEGMENT),
            _restricted(990302, user_segment_id=None, user_segment_ids=[1, SEGMENT]),
            _restricted(990304, user_segment_id=4242),  # another segment: still not
        ],
    )
    source = helpdesk.source(allowed_user_segments=frozenset({str(SEGMENT)}))
    keys = _keys(pull_faq(source, tmp_path / "s.json"))
    assert {("990301", "ja"), ("990302", "ja")} <= keys
    assert ("990304", "ja") not in keys


def test_article_that_becomes_restricted_leaves_no_page_at_all(
    helpdesk: Helpdesk, tmp_path: Path
) -> None:
    """Not even a "withdrawn" page: its title may be why it was restricted."""
    state = tmp_path / "s.json"
    pull_faq(helpdesk.source(), state)
    helpdesk.post(
        "/_articles",
        [{"id": 4400102, "locale": "ja", "user_segment_id": SEGMENT, "title": "限定の題名"}],
    )
    outcome = pull_faq(helpdesk.source(), state)
    assert outcome.mode == "incremental"
    assert ("4400102", "ja") not in _keys(outcome)
    assert "4400102" not in {w.id for w in outcome.snapshot.withdrawn}
    assert "限定の題名" not in state.read_text("utf-8")
    # Made public again: published again.
    helpdesk.post("/_articles", [{"id": 4400102, "locale": "ja", "user_segment_id": None}])
    assert ("4400102", "ja") in _keys(pull_faq(helpdesk.source(), state))


def test_changing_the_allowed_segments_forces_a_full_listing(
    helpdesk: Helpdesk, tmp_path: Path
) -> None:
    """An incremental pull would keep what the old setting let through."""
    state = tmp_path / "s.json"
    helpdesk.post("/_articles", [_restricted(990301, user_segment_id=SEGMENT)])
    allowed = helpdesk.source(allowed_user_segments=frozenset({str(SEGMENT)}))
    assert ("990301", "ja") in _keys(pull_faq(allowed, state))
    outcome = pull_faq(helpdesk.source(), state)
    assert outcome.mode == "full"
    assert ("990301", "ja") not in _keys(outcome)
    assert "990301" not in {w.id for w in outcome.snapshot.withdrawn}


def test_unreadable_visibility_is_not_published_and_warned(
    helpdesk: Helpdesk, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    helpdesk.post("/_articles", [_restricted(990305, user_segment_id={"oops": 1})])
    with caplog.at_level(logging.WARNING, logger="wardsite.faq"):
        outcome = pull_faq(helpdesk.source(), tmp_path / "s.json")
    assert ("990305", "ja") not in _keys(outcome)
    assert any("990305" in w and "user_segment_id" in w for w in outcome.warnings)
    assert "990305" in caplog.text


def test_labels_with_spaces_are_kept(helpdesk: Helpdesk, tmp_path: Path) -> None:
    helpdesk.post(
        "/_articles",
        [
            {
                "id": 990306,
                "locale": "ja",
                "section_id": 360001,
                "title": "Teams の会議に入れない",
                "body": "<p>答え</p>",
                "label_names": ["Microsoft Teams", "会議  録画", "guide:account/password-reset"],
            }
        ],
    )
    outcome = pull_faq(helpdesk.source(), tmp_path / "s.json")
    entry = next(e for e in outcome.snapshot.entries if e.key == ("990306", "ja"))
    assert entry.tags == ("Microsoft Teams", "会議 録画")
    assert not outcome.warnings


def test_skipped_articles_are_warnings_in_the_build_log(
    helpdesk: Helpdesk, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``mkdocs build --strict`` fails on WARNING records of its own loggers; the helpdesk
    being down stays INFO (the page note says so), a skipped article does not."""
    target = logging.getLogger("mkdocs.test-faq-routing")
    route_faq_log(target)
    helpdesk.post(
        "/_articles",
        [{"id": 990307, "locale": "ja", "section_id": 360001, "title": "本文なし", "body": ""}],
    )
    with caplog.at_level(logging.INFO, logger="mkdocs.test-faq-routing"):
        pull_faq(
            helpdesk.source(), tmp_path / "s.json", options=PullOptions(full_every=timedelta(0))
        )
        pull_faq(Helpdesk("http://127.0.0.1:9").source(), tmp_path / "s.json")
    mine = [r for r in caplog.records if r.name == target.name]
    warnings = [r.getMessage() for r in mine if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "990307" in warnings[0] and "body" in warnings[0]
    assert any("前回取得した内容" in r.getMessage() for r in mine if r.levelno == logging.INFO)
