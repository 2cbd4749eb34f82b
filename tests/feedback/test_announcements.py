"""data/announcements.yml: checks with Japanese messages, the markup and the JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from support.build import ROOT
from wardsite.announcements.model import JST, check_links, load_announcements, parse_time
from wardsite.announcements.render import (
    announcements_json,
    banner_html,
    banner_items,
    list_html,
)

DOCS = ROOT / "docs"
GOOD = """
announcements:
  - title: 在宅勤務の接続サービスが使えません
    level: outage
    start: 2031-04-01 09:00
    end: 2031-04-01 18:00
    sections: [telework]
    link: telework/troubleshooting.md
    title_en: Telework connection is down
  - title: 保守作業 <b>太字</b>
    level: maintenance
    start: 2031-04-01
    end: 2031-04-01
    body: ファイルサーバーが止まります & 再起動します
"""


def _load(tmp_path: Path, text: str):
    path = tmp_path / "announcements.yml"
    path.write_text(text, encoding="utf-8")
    return load_announcements(path, DOCS)


def test_times_are_japan_time_unless_given_and_a_date_ends_at_the_end_of_that_day(
    tmp_path: Path,
) -> None:
    found = _load(tmp_path, GOOD)
    assert found.errors == ()
    outage, maintenance = found.announcements
    assert outage.start == dt.datetime(2031, 4, 1, 9, tzinfo=JST)
    assert outage.end == dt.datetime(2031, 4, 1, 18, tzinfo=JST)
    assert maintenance.start == dt.datetime(2031, 4, 1, tzinfo=JST)
    assert maintenance.end == dt.datetime(2031, 4, 2, tzinfo=JST)
    utc = parse_time("2031-04-01 00:00+00:00", end=False)
    assert utc == dt.datetime(2031, 4, 1, 9, tzinfo=JST)
    assert outage.active_at(outage.start) and not outage.active_at(outage.end)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ("    level: outage\n", "    level: fire\n", ["announcements の 1 番目", "level", "fire"]),
        (
            "    start: 2031-04-01 09:00\n",
            "    start: あした\n",
            ["start", "あした", "2026-12-06 09:00"],
        ),
        ("    end: 2031-04-01 18:00\n", "    end: 2031-04-01 08:00\n", ["end", "start より前"]),
        (
            "    sections: [telework]\n",
            "    sections: [nowhere]\n",
            ["sections", "nowhere", "telework"],
        ),
        (
            "    title_en: Telework connection is down\n",
            "    titel_en: x\n",
            ["titel_en", "使えません"],
        ),
        (
            "    link: telework/troubleshooting.md\n",
            "    link: ../../etc/passwd\n",
            ["link", "ページ（.md）ではありません"],
        ),
    ],
)
def test_a_mistake_names_the_file_the_entry_and_the_field_in_japanese(
    tmp_path: Path, change: str, field: str, words: list[str]
) -> None:
    text = GOOD.replace(change, field)
    found = _load(tmp_path, text)
    assert len(found.errors) == 1, found.errors
    message = str(found.errors[0])
    assert message.startswith("data/announcements.yml: ")
    assert "在宅勤務の接続サービスが使えません" in message or "1 番目" in message
    for word in words:
        assert word in message, message
    # The broken entry is left out; the other one is still published.
    assert [a.level for a in found.announcements] == ["maintenance"]


def test_missing_title_and_times_and_broken_yaml(tmp_path: Path) -> None:
    found = _load(tmp_path, "announcements:\n  - level: info\n")
    messages = " ".join(str(e) for e in found.errors)
    assert "title" in messages and "start" in messages and "end" in messages
    broken = _load(tmp_path, "announcements:\n  - title: [x\n")
    assert "YAML" in str(broken.errors[0]) and broken.announcements == ()


def test_a_link_to_a_page_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    found = _load(tmp_path, GOOD)
    checked = check_links(found, {"telework/troubleshooting.md"})
    assert len(checked.announcements) == 2
    checked = check_links(found, {"index.md"})
    assert [a.level for a in checked.announcements] == ["maintenance"]
    assert "telework/troubleshooting.md" in str(checked.errors[0])


def test_banner_markup_escapes_text_and_only_an_outage_interrupts(tmp_path: Path) -> None:
    outage, maintenance = _load(tmp_path, GOOD).announcements
    noon = dt.datetime(2031, 4, 1, 12, tzinfo=JST)
    assert banner_items([outage, maintenance], noon, "account") == [maintenance]
    html = banner_html(banner_items([outage, maintenance], noon, "telework"), "ja", "../..", "")
    assert html.index("ward-announce--outage") < html.index("ward-announce--maintenance")
    assert html.count('role="alert"') == 1
    assert "保守作業 &lt;b&gt;太字&lt;/b&gt;" in html and "<b>" not in html
    assert "&amp; 再起動します" in html
    assert 'href="../../telework/troubleshooting/"' in html
    assert 'data-count="2"' in html
    english = banner_html([outage, maintenance], "en", "../..", "en/")
    assert "Telework connection is down" in english
    assert 'lang="ja">保守作業' in english  # no English title: Japanese, marked as such
    assert 'href="../../en/telework/troubleshooting/"' in english
    assert "Dismiss this notice: Telework connection is down" in english


def test_home_list_and_json_for_the_browser(tmp_path: Path) -> None:
    outage, maintenance = _load(tmp_path, GOOD).announcements
    before = dt.datetime(2031, 3, 1, tzinfo=JST)
    listing = list_html([outage, maintenance], before, "ja", ".", "")
    assert "data-ward-announce-none>" in listing  # nothing current: the "none" line shows
    data = json.loads(announcements_json([outage, maintenance], before, {"ja": "", "en": "en/"}))
    assert [a["level"] for a in data["announcements"]] == ["outage", "maintenance"]
    assert data["announcements"][0]["link"] == {
        "ja": "telework/troubleshooting/",
        "en": "en/telework/troubleshooting/",
    }
    after = dt.datetime(2031, 4, 3, tzinfo=JST)
    assert json.loads(announcements_json([outage], after, {"ja": ""}))["announcements"] == []


def test_the_project_file_is_valid() -> None:
    found = load_announcements(ROOT / "data" / "announcements.yml", DOCS)
    assert found.errors == ()
