import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wardsite.errors import SiteInputError
from wardsite.lastupdated import format_date, git_dates, last_updated
from wardsite.pagemeta import asked_phrases, check_front_matter
from wardsite.translation import add_untranslated_note, mark_content_language, search_boost


def test_dates_are_formatted_per_language_in_japan_time() -> None:
    # 2026-11-26 20:00 UTC is already 27 November in Japan.
    moment = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)
    assert format_date(moment, "ja") == "2026年11月27日"
    assert format_date(moment, "en") == "27 November 2026"


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_git_history_gives_last_commit_date_and_new_files_fall_back(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    page = tmp_path / "docs" / "a.md"
    page.parent.mkdir()
    page.write_text("one", "utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first", date="2025-04-01T10:00:00+09:00")
    page.write_text("two", "utf-8")
    _git(tmp_path, "commit", "-qam", "second", date="2025-06-15T10:00:00+09:00")
    new = tmp_path / "docs" / "b.md"
    new.write_text("new", "utf-8")
    os.utime(new, (1_700_000_000, 1_700_000_000))

    dates = git_dates(tmp_path / "docs")
    assert format_date(last_updated(page, dates), "ja") == "2025年6月15日"
    assert last_updated(new, dates) == datetime.fromtimestamp(1_700_000_000, tz=UTC)


def test_without_git_every_file_falls_back_to_its_file_time(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("x", "utf-8")
    assert git_dates(tmp_path) == {}
    assert last_updated(page, {}).year >= 2024


def test_untranslated_note_goes_under_the_heading() -> None:
    out = add_untranslated_note("# 題名\n\n本文\n", "en", "ja")
    assert out.startswith("# 題名\n")
    assert out.index("not translated yet") < out.index("本文")
    assert add_untranslated_note("# T\n", "en", "en") == "# T\n"


@pytest.mark.parametrize("meta", [{}, {"title": "題名"}, {"title": " ", "description": "説明"}])
def test_pages_without_title_or_description_are_reported(meta: dict[str, str]) -> None:
    with pytest.raises(SiteInputError, match="front matter"):
        check_front_matter(meta, "teams/chat.md")


def test_complete_front_matter_passes() -> None:
    check_front_matter({"title": "題名", "description": "説明です。"}, "a.md")
    meta = {"title": "題名", "description": "説明です。", "asked": ["家で仕事", " 在宅 "]}
    check_front_matter(meta, "a.md")
    assert asked_phrases(meta, "a.md") == ("家で仕事", "在宅")
    assert asked_phrases({}, "a.md") == ()


@pytest.mark.parametrize(
    "asked", ["家で仕事", [], ["家で仕事", ""], ["家で仕事", None], [{"a": 1}], ["あ" * 81]]
)
def test_a_bad_asked_list_is_reported_in_japanese(asked: object) -> None:
    meta = {"title": "題名", "description": "説明です。", "asked": asked}
    with pytest.raises(SiteInputError) as caught:
        check_front_matter(meta, "telework/index.md")
    message = str(caught.value)
    assert message.startswith("telework/index.md: 「asked」")
    assert "1行に1つ" in message


def test_content_in_another_language_is_marked_for_screen_readers() -> None:
    marked = mark_content_language("<p>本文</p>", "en", "ja")
    assert marked == '<div lang="ja">\n<p>本文</p>\n</div>'
    assert mark_content_language("<p>x</p>", "en", "en") == "<p>x</p>"


def test_untranslated_pages_weigh_less_in_search() -> None:
    assert search_boost(1.0, "en", "en") == 1.0
    assert search_boost(1.0, "en", "ja") == 0.5
    assert search_boost(0.5, "en", "ja") == 0.25  # an FAQ answer shown untranslated
