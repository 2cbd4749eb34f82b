"""Training recordings in Chromium: player, captions, seeking, deep links, search, catalogue."""

from __future__ import annotations

import pytest

from support.pages import RESULT_ITEM, axe_violations, type_search

SESSION = "learning/sessions/hands-on-01/"
VIDEO = "#ws-video-hands-on-01"
CATALOGUE = "learning/sessions/"


def _video(page, expression: str):
    """Evaluate ``expression`` with ``v`` bound to the video of the session page."""
    script = f"() => {{ const v = document.querySelector('{VIDEO}'); return {expression}; }}"
    return page.evaluate(script)


def _wait_time_near(page, seconds: float, tolerance: float = 0.8) -> None:
    """Wait until the video has seeked to about ``seconds`` (playback may carry it on a little)."""
    page.wait_for_function(
        f"""() => {{ const v = document.querySelector('{VIDEO}');
                     return v && !v.seeking && v.currentTime >= {seconds} - 0.05
                       && v.currentTime <= {seconds} + {tolerance}; }}"""
    )


def _open_muted(page, url: str) -> None:
    """Open a session page with the video muted (the autoplay policy then always allows play())."""
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => "
        "document.querySelectorAll('video').forEach(v => { v.muted = true; }));"
    )
    page.goto(url)
    page.wait_for_function(f"document.querySelector('{VIDEO}').readyState >= 1")


def test_video_plays_and_time_advances(page, site_url: str) -> None:
    _open_muted(page, site_url + SESSION)
    page.evaluate(f"() => document.querySelector('{VIDEO}').play()")
    page.wait_for_function(f"document.querySelector('{VIDEO}').currentTime > 0.5")
    assert not _video(page, "v.paused")
    assert _video(page, "v.error") is None


def test_player_has_native_controls_japanese_captions_and_speed(page, site_url: str) -> None:
    _open_muted(page, site_url + SESSION)
    assert _video(page, "v.controls")
    tracks = _video(page, "[...v.textTracks].map(t => [t.kind, t.language, t.mode])")
    assert tracks == [["captions", "ja", "showing"], ["chapters", "ja", "disabled"]]
    page.wait_for_function(f"document.querySelector('{VIDEO}').textTracks[0].cues.length > 0")
    # The chapters track loads when a player asks for it (as the native controls do).
    _video(page, "(v.textTracks[1].mode = 'hidden')")
    page.wait_for_function(f"document.querySelector('{VIDEO}').textTracks[1].cues?.length === 4")
    titles = _video(page, "[...v.textTracks[1].cues].map(c => c.text)")
    assert titles[2] == "多要素認証で承認する"
    speed = page.locator("#ws-speed-hands-on-01")
    assert speed.is_visible()  # un-hidden by the script
    speed.select_option("1.5")
    assert _video(page, "v.playbackRate") == 1.5


def test_clicking_a_chapter_seeks_there(page, site_url: str) -> None:
    _open_muted(page, site_url + SESSION)
    page.locator("a.ws-chapter", has_text="多要素認証で承認する").click()
    _wait_time_near(page, 5)
    assert page.url.endswith("#t=00:05")


def test_clicking_a_transcript_cue_seeks_and_highlights_it(page, site_url: str) -> None:
    _open_muted(page, site_url + SESSION)
    cue = page.locator('span[data-s="2.5"]')
    cue.click()
    _wait_time_near(page, 2.5)
    page.wait_for_function(
        """document.querySelector('span[data-s="2.5"]').classList.contains('ws-cue--active')"""
    )
    assert page.locator(".ws-cue--active").count() == 1
    assert page.url.endswith("#t=00:02")


def test_highlight_follows_playback_without_moving_focus(page, site_url: str) -> None:
    _open_muted(page, site_url + SESSION)
    page.locator("#ws-speed-hands-on-01").focus()
    page.evaluate(f"() => {{ const v = document.querySelector('{VIDEO}'); v.currentTime = 7.2; }}")
    page.wait_for_function(
        """document.querySelector('span[data-s="7"]').classList.contains('ws-cue--active')"""
    )
    assert page.evaluate("document.activeElement.id") == "ws-speed-hands-on-01"
    assert page.locator(".ws-cue--active").count() == 1


def test_keyboard_enter_on_a_paragraph_time_seeks(page, site_url: str) -> None:
    _open_muted(page, site_url + SESSION)
    page.locator('a.ws-para__time[href="#t=00:05"]').focus()
    page.keyboard.press("Enter")
    _wait_time_near(page, 5)


def test_deep_link_starts_playback_at_that_time(page, site_url: str) -> None:
    _open_muted(page, site_url + SESSION + "#t=00:05")
    _wait_time_near(page, 5, tolerance=1.5)
    page.wait_for_function(f"!document.querySelector('{VIDEO}').paused")


def test_hash_change_on_the_same_page_seeks(page, site_url: str) -> None:
    _open_muted(page, site_url + SESSION)
    page.evaluate("() => { location.hash = 't=00:07'; }")
    _wait_time_near(page, 7)


def test_transcript_search_hit_opens_the_page_at_that_time(page, site_url: str) -> None:
    page.goto(site_url)
    type_search(page, "話の流れ")  # said at 00:05 in the sample of 第9回
    page.locator(RESULT_ITEM).first.wait_for()
    hit = page.locator(
        f'{RESULT_ITEM} a[href*="learning/sessions/hands-on-09/"][href$="#t=00:05"]'
    ).first
    hit.wait_for()
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => "
        "document.querySelectorAll('video').forEach(v => { v.muted = true; }));"
    )
    hit.click()
    page.wait_for_url("**/learning/sessions/hands-on-09/**#t=00:05")
    page.wait_for_function(
        """() => { const v = document.querySelector('#ws-video-hands-on-09');
                   return v && !v.seeking && v.currentTime >= 4.95 && v.currentTime <= 6.5; }"""
    )


def test_catalogue_lists_status_and_filters_by_level(page, site_url: str) -> None:
    page.goto(site_url + CATALOGUE)
    items = page.locator("li.ws-catalogue__item")
    assert items.count() == 18
    assert page.locator(".ws-status--recorded").count() == 3
    assert "録画あり" in page.locator(".ws-status--recorded").first.inner_text()
    assert "準備中" in page.locator(".ws-status--preparing").first.inner_text()
    form = page.locator("form[data-ws-filter]")
    assert form.is_visible()
    page.locator("[data-ws-filter-level]").select_option("応用")
    visible = page.locator("li.ws-catalogue__item:visible")
    assert visible.count() == 8  # 第9〜15回 and DXマインド研修 第3回
    levels = {visible.nth(i).get_attribute("data-ws-level") for i in range(visible.count())}
    assert levels == {"応用"}
    assert "8回" in page.locator("[data-ws-filter-count]").inner_text()
    page.locator("[data-ws-filter-track]").select_option("dx-mindset")
    assert page.locator("li.ws-catalogue__item:visible").count() == 1
    assert not page.locator("h2", has_text="操作研修").is_visible()
    page.locator("[data-ws-filter-level]").select_option("")
    page.locator("[data-ws-filter-track]").select_option("")
    assert page.locator("li.ws-catalogue__item:visible").count() == 18


def test_catalogue_links_to_the_session_pages(page, site_url: str) -> None:
    page.goto(site_url + CATALOGUE)
    page.locator("li.ws-catalogue__item a", has_text="第1回").first.click()
    page.wait_for_url("**/" + SESSION)
    assert page.locator(VIDEO).count() == 1


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("path", [SESSION, CATALOGUE, "en/" + SESSION])
def test_no_serious_accessibility_violations(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    if "sessions/hands-on" in path:
        # Check the highlighted cue too.
        page.locator('span[data-s="2.5"]').click()
        page.wait_for_selector(".ws-cue--active")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_focus_ring_on_transcript_links(page, site_url: str) -> None:
    page.goto(site_url + SESSION)
    page.locator('a.ws-para__time[href="#t=00:00"]').focus()
    page.keyboard.press("Tab")
    focus = page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
                   return {href: e.getAttribute('href'), style: s.outlineStyle,
                           width: s.outlineWidth}; }"""
    )
    assert focus["href"] == "#t=00:02"
    assert focus["style"] != "none" and float(focus["width"].rstrip("px")) >= 2, focus
