"""A full-length session in Chromium: 60 minutes, 1,500 cues (issue #10).

A copy of the project gets a generated 60-minute recording and a 1,500-cue
Teams-style transcript published as 第7回 with publish-session, is built with
``mkdocs build --strict`` and served on 127.0.0.1. Checked: the page stays
light, seeking from a transcript paragraph deep in the session, ``#t=`` deep
links, a search hit deep in the transcript, and that printing shows the whole
transcript (the last cue) without the player.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.build import build_site, copy_project
from support.httpserver import serve_directory
from support.longmedia import LAST_CUE, publish_long_session
from support.pages import RESULT_ITEM, type_search

SESSION = "learning/sessions/hands-on-07/"
VIDEO = "#ws-video-hands-on-07"
#: A word said once, at cue 1400 (56:00 into the session).
DEEP_WORD = "ペンギン"
DEEP_CUE = 1400
#: The session page, transcript included, stays under this size.
MAX_PAGE_BYTES = 400_000


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    project = tmp_path_factory.mktemp("long-project")
    config = copy_project(project)
    marks = {DEEP_CUE: f"発言{DEEP_CUE}：{DEEP_WORD}の絵を使った例です。"}
    publish_long_session(project, marks=marks)
    site = project / "site"
    result = build_site(site, config)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")
    with serve_directory(site) as url:
        yield site, url


def _open(page, url: str) -> None:
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => "
        "document.querySelectorAll('video').forEach(v => { v.muted = true; }));"
    )
    page.goto(url)
    page.wait_for_function(f"document.querySelector('{VIDEO}').readyState >= 1")


def _wait_time_near(page, seconds: float, tolerance: float = 2.0) -> None:
    page.wait_for_function(
        f"""() => {{ const v = document.querySelector('{VIDEO}');
                     return v && !v.seeking && v.currentTime >= {seconds} - 0.05
                       && v.currentTime <= {seconds} + {tolerance}; }}"""
    )


def _active_start(page) -> float:
    page.wait_for_selector(".ws-cue--active", state="attached")
    return float(page.locator(".ws-cue--active").get_attribute("data-s"))


def test_page_with_1500_cues_stays_light(long_site: tuple[Path, str], page) -> None:
    site, url = long_site
    html = (site / SESSION / "index.html").read_bytes()
    assert len(html) < MAX_PAGE_BYTES, len(html)
    _open(page, url + SESSION)
    assert page.locator(".ws-transcript span[data-s]").count() == 1500
    # About one paragraph (one link, one tab stop) a minute, not one per cue.
    paragraphs = page.locator(".ws-para").count()
    assert 55 <= paragraphs <= 75
    assert page.locator(".ws-transcript a").count() == paragraphs
    assert page.locator("h3.ws-transcript__chapter").count() == 6
    assert page.evaluate("document.getElementsByTagName('*').length") < 5000


def test_seeking_from_a_paragraph_deep_in_the_session(long_site: tuple[Path, str], page) -> None:
    _, url = long_site
    _open(page, url + SESSION)
    link = page.locator('.ws-transcript a[href="#t=50:00"]')
    link.scroll_into_view_if_needed()
    link.click()
    _wait_time_near(page, 3000)
    assert 3000 <= _active_start(page) <= 3003
    assert page.url.endswith("#t=50:00")
    # The highlighted cue is scrolled into view inside the transcript box.
    inside = page.evaluate(
        """() => { const box = document.querySelector('.ws-transcript').getBoundingClientRect();
                   const cue = document.querySelector('.ws-cue--active').getBoundingClientRect();
                   return cue.top >= box.top && cue.bottom <= box.bottom; }"""
    )
    assert inside


def test_deep_link_past_50_minutes(long_site: tuple[Path, str], page) -> None:
    _, url = long_site
    _open(page, url + SESSION + "#t=55:30")
    _wait_time_near(page, 3330, tolerance=3)
    assert 3325 <= _active_start(page) <= 3333


def test_search_finds_words_said_deep_in_the_session(long_site: tuple[Path, str], page) -> None:
    _, url = long_site
    page.goto(url)
    type_search(page, DEEP_WORD)
    hit = page.locator(f'{RESULT_ITEM} a[href*="{SESSION}"][href*="#t="]').first
    hit.wait_for()
    href = hit.get_attribute("href") or ""
    minutes, seconds = map(int, re.search(r"#t=(\d+):(\d+)$", href).groups())
    said_at = DEEP_CUE * 3600 / 1500
    assert minutes * 60 + seconds <= said_at < minutes * 60 + seconds + 60
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => "
        "document.querySelectorAll('video').forEach(v => { v.muted = true; }));"
    )
    hit.click()
    page.wait_for_url(re.compile(rf"{SESSION}.*#t=\d+:\d+$"))
    _wait_time_near(page, minutes * 60 + seconds, tolerance=3)
    paragraph = page.locator(".ws-cue--active").locator("xpath=..")
    assert DEEP_WORD in (paragraph.text_content() or "")


def test_print_shows_the_whole_transcript_without_the_player(
    long_site: tuple[Path, str], page
) -> None:
    _, url = long_site
    _open(page, url + SESSION)
    page.emulate_media(media="print")
    state = page.evaluate(
        """() => {
          const box = document.querySelector('.ws-transcript');
          const last = [...box.querySelectorAll('span[data-s]')].pop();
          const shown = (sel) => getComputedStyle(document.querySelector(sel)).display !== 'none';
          return {
            clipped: box.scrollHeight > box.clientHeight + 1,
            overflow: getComputedStyle(box).overflowY,
            lastText: last.textContent,
            lastHeight: last.getBoundingClientRect().height,
            video: shown('.ws-player__video'),
            speed: shown('.ws-player__speed'),
          };
        }"""
    )
    assert state == {
        "clipped": False,
        "overflow": "visible",
        "lastText": LAST_CUE,
        "lastHeight": state["lastHeight"],
        "video": False,
        "speed": False,
    }
    assert state["lastHeight"] > 0
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 15, pages  # 1,500 cues do not fit on a few pages
