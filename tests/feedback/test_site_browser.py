"""Announcements and the feedback box in Chromium, on the site served by Apache
(strict Content-Security-Policy): the clock, dismissal, no JavaScript, keyboard,
English, accessibility."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from support.deployment import Deployment
from support.pages import axe_violations
from wardsite_ops.report.privacy import mask_query, normalize_query

JST = dt.timezone(dt.timedelta(hours=9))
BANNER = "[data-ward-announcements] [data-id]"


def at(hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2031, 4, 1, hour, minute, second, tzinfo=JST)


def open_at_half_past_noon(page, url: str) -> None:
    """Open ``url`` at 12:30 on the day of the outage, during the maintenance."""
    page.clock.install(time=at(12, 30))
    page.goto(url)
    page.wait_for_selector(".ward-announce--maintenance")


def banners(page) -> list[str]:
    return page.locator(f"{BANNER} .ward-announce__title").all_inner_texts()


def test_without_javascript_the_build_time_announcements_are_there(
    browser, served: Deployment
) -> None:
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    page = context.new_page()
    page.goto(served.url)
    assert banners(page) == ["いまのお知らせ <b>太字ではない</b>"]  # escaped, as text
    assert not page.locator(".ward-announce__close").first.is_visible()
    listed = page.locator("[data-ward-announce-list] .ward-announce__title").all_inner_texts()
    assert listed == ["いまのお知らせ <b>太字ではない</b>", "一覧だけのお知らせ"]
    page.goto(served.url + "account/lockout/")
    assert not page.locator("[data-ward-feedback]").is_visible()  # needs JavaScript
    context.close()


def test_banners_appear_and_go_by_the_clock_without_reloading(page, served: Deployment) -> None:
    page.clock.install(time=at(8, 59))
    page.goto(served.url + "telework/")
    page.clock.pause_at(at(8, 59, 58))  # from here the page's time moves only by run_for
    assert banners(page) == []  # the build-time one is over by 2031; the outage not yet begun
    assert not page.locator(".md-banner").is_visible()

    page.clock.run_for(2_000)  # 09:00:00: the start is included
    page.wait_for_selector(".ward-announce--outage")
    assert banners(page) == ["在宅勤務の接続サービスが使えません"]
    assert page.locator(".ward-announce--outage").get_attribute("role") == "alert"
    assert page.locator(".ward-announce--outage a").inner_text() == "自宅からつながらないとき"

    page.clock.run_for("03:00:00")  # 12:00: maintenance too, below the outage, no alert
    page.wait_for_selector(".ward-announce--maintenance")
    assert banners(page) == ["在宅勤務の接続サービスが使えません", "ファイルサーバーの保守作業"]
    assert page.locator(".ward-announce--maintenance").get_attribute("role") is None

    page.clock.run_for("01:00:00")  # 13:00: the end is excluded
    page.wait_for_selector(".ward-announce--maintenance", state="detached")
    page.clock.run_for("04:59:58")  # 17:59:58
    assert banners(page) == ["在宅勤務の接続サービスが使えません"]
    page.clock.run_for(2_000)  # 18:00
    page.wait_for_selector(".ward-announce--outage", state="detached")
    assert not page.locator(".md-banner").is_visible()


def test_the_outage_shows_only_in_its_section(page, served: Deployment) -> None:
    open_at_half_past_noon(page, served.url + "account/")
    assert banners(page) == ["ファイルサーバーの保守作業"]


def test_a_dismissed_banner_stays_away_and_the_others_stay(page, served: Deployment) -> None:
    open_at_half_past_noon(page, served.url + "telework/")
    close = page.get_by_role(
        "button", name="このお知らせを閉じる：在宅勤務の接続サービスが使えません"
    )
    close.focus()
    page.keyboard.press("Enter")
    assert banners(page) == ["ファイルサーバーの保守作業"]
    # Focus moves to the next banner's close button, not lost.
    assert page.evaluate("document.activeElement.classList.contains('ward-announce__close')")
    page.reload()
    page.wait_for_selector(".ward-announce--maintenance")
    assert banners(page) == ["ファイルサーバーの保守作業"]


def test_english_pages_use_english_where_given(page, served: Deployment) -> None:
    open_at_half_past_noon(page, served.url + "en/telework/")
    assert banners(page) == [
        "The telework connection service is down",
        "ファイルサーバーの保守作業",
    ]
    japanese = page.locator(".ward-announce--maintenance .ward-announce__title")
    assert japanese.get_attribute("lang") == "ja"
    assert page.locator(".ward-announce--outage .ward-announce__level").inner_text() == "Outage"
    assert page.locator("[data-ward-feedback] h2").inner_text() == "Was this page helpful?"
    href = page.locator(".ward-announce--outage a").get_attribute("href")
    assert href.endswith("/en/telework/troubleshooting/")


def test_feedback_by_keyboard_once_per_page(page, served: Deployment) -> None:
    beacons: list[str] = []
    page.on("request", lambda r: beacons.append(r.url) if "_wardsite/beacon" in r.url else None)
    page.goto(served.url + "files/share/")
    box = page.locator("[data-ward-feedback]")
    assert box.locator("h2").inner_text() == "このページは役に立ちましたか？"
    page.get_by_role("button", name="いいえ", exact=True).focus()
    page.keyboard.press("Enter")
    # Focus goes to the first reason; the thanks are in a polite live region.
    assert page.evaluate("document.activeElement.textContent") == "手順どおりにできない"
    status = box.locator("[role=status]")
    assert "ありがとうございました" in status.inner_text()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # 分かりにくい
    assert "理由も受け付けました" in status.inner_text()
    assert page.evaluate("document.activeElement.id") == "ward-feedback-title"
    page.wait_for_timeout(300)
    assert len(beacons) == 2
    page.reload()
    assert "回答済み" in status.inner_text()
    assert not page.get_by_role("button", name="はい", exact=True).is_visible()
    page.wait_for_timeout(300)
    assert len(beacons) == 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_banners_and_feedback_box_have_no_serious_accessibility_violations(
    browser, served: Deployment, scheme: str
) -> None:
    # axe-core is added as an inline script: the test lifts the CSP for it.
    context = browser.new_context(locale="ja-JP", color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    open_at_half_past_noon(page, served.url + "telework/")
    page.get_by_role("button", name="いいえ", exact=True).click()
    # The banners and the box (the page's own content is checked by tests/browser).
    assert axe_violations(page, [".md-banner", "[data-ward-feedback]"]) == []
    context.close()


def test_the_browser_masks_queries_like_the_report(page, served: Deployment) -> None:
    vectors = json.loads((Path(__file__).parent / "fixtures" / "masking.json").read_text("utf-8"))
    page.goto(served.url + "help/")
    masked = page.evaluate(
        """(queries) => queries.map(
             (q) => wardsiteBeacon.maskQuery(wardsiteBeacon.normalizeQuery(q)))""",
        [query for query, _ in vectors],
    )
    assert masked == [mask_query(normalize_query(query)) for query, _ in vectors]
    assert masked == [expected.lower() for _, expected in vectors]


#: Types a query and presses Enter in one go, before the search worker can answer.
TYPE_AND_ENTER = """(text) => {
  const box = document.querySelector('[data-md-component="search-query"]');
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "End" }));
  box.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, key: "Enter" }));
}"""


def test_enter_before_the_results_counts_the_results_that_come(page, served: Deployment) -> None:
    """Failed before: Enter sent the count on screen at that moment (none yet),
    so a query that finds pages went into the report's no-results list."""
    page.goto(served.url + "help/")
    page.locator('[data-md-component="search-query"]').click()
    with page.expect_request(lambda r: "_wardsite/beacon" in r.url, timeout=8_000) as sent:
        page.evaluate(TYPE_AND_ENTER, "パスワード")
    fields = dict(p.split("=", 1) for p in sent.value.headers["x-wardsite-beacon"].split("&"))
    assert fields["e"] == "search"
    assert int(fields["n"]) > 0
    assert page.locator(".md-search-result__item").count() > 0
