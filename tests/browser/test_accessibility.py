"""WCAG 2.1 AA on every built page, light and dark, wide and narrow; keyboard use at 360 px.

Every page of the site is loaded once and checked by axe-core four times:
1280 and 360 px wide, light and dark (switched with the palette button, as a
reader would). Two pages are checked at a time, each in its own renderer.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.a11y import (
    COLOUR_RULES,
    NARROW,
    NO_TRANSITIONS,
    WIDE,
    axe_result,
    focus_problems,
    focus_state,
    inject_axe,
    run_axe,
    scheme,
    start_axe,
    tab_walk,
    toggle_scheme,
)
from support.pages import RESULT_ITEM, SEARCH_INPUT

MENU_BUTTON = '.md-header label.md-header__button[for="__drawer"]'
SEARCH_BUTTON = '.md-header label.md-header__button[for="__search"]'


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the built site (404 pages included), as URL paths."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if "assets" in rel.parts:
            continue
        url = rel.as_posix()
        pages.append(url[: -len("index.html")] if url.endswith("index.html") else url)
    return pages


@pytest.fixture
def new_page(browser) -> Iterator[Any]:
    """A factory of pages in fresh contexts (given colour scheme and viewport)."""
    contexts = []
    errors: list[str] = []

    def make(color_scheme: str = "light", viewport: dict[str, int] = NARROW) -> Any:
        context = browser.new_context(locale="ja-JP", color_scheme=color_scheme, viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("pageerror", lambda e: errors.append(str(e)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"


#: Pages checked at the same time, each in its own context (renderer process).
PARALLEL = 2

#: The four checks of a page: (width, palette switched before, rules).
#: Switching the palette changes colours only, so after the switch the colour
#: rules are enough; before it every WCAG rule runs. The palette is kept from
#: page to page (as for a reader), so pages alternate which scheme comes first.
CHECKS = [
    (WIDE, False, None),
    (NARROW, False, None),
    (NARROW, True, COLOUR_RULES),
    (WIDE, False, COLOUR_RULES),
]


def test_every_page_passes_axe_light_and_dark_wide_and_narrow(
    new_page, site: Path, site_url: str
) -> None:
    pages = built_pages(site)
    assert len(pages) > 100, pages  # the whole site, not a sample
    workers = [new_page("light", WIDE) for _ in range(PARALLEL)]
    failures: list[str] = []
    started = time.monotonic()
    for first in range(0, len(pages), PARALLEL):
        batch = list(zip(workers, pages[first : first + PARALLEL], strict=False))
        for page, path in batch:
            page.set_viewport_size(WIDE)
            page.goto(site_url + path)
            page.add_style_tag(content=NO_TRANSITIONS)
            inject_axe(page)
        for viewport, switch, rules in CHECKS:
            for page, _ in batch:
                page.set_viewport_size(viewport)
                if switch:
                    toggle_scheme(page)
                start_axe(page, rules)
            for page, path in batch:
                where = f"/{path} ({scheme(page)}, {viewport['width']} px)"
                failures += [f"{where}: {v}" for v in axe_result(page)]
    elapsed = time.monotonic() - started
    print(f"axe: {len(pages)} pages x {len(CHECKS)} checks in {elapsed:.0f} s")
    assert not failures, f"{len(failures)} violations:\n" + "\n".join(failures[:60])


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280px", "360px"])
def test_search_results_pass_axe_in_both_schemes(
    new_page, site_url: str, viewport: dict[str, int]
) -> None:
    page = new_page("light", viewport)
    page.goto(site_url)
    page.add_style_tag(content=NO_TRANSITIONS)
    # Open the search as a reader would on this width.
    opener = SEARCH_INPUT if viewport is WIDE else SEARCH_BUTTON
    page.locator(opener).click()
    page.wait_for_function(
        "(s) => document.activeElement === document.querySelector(s)", arg=SEARCH_INPUT
    )
    page.locator(SEARCH_INPUT).fill("パスワード")
    page.locator(SEARCH_INPUT).press("End")  # Material searches on keyup
    page.locator(RESULT_ITEM).first.wait_for()
    assert page.locator(".md-search-result mark").count() > 0  # highlighted words
    assert page.get_by_role("dialog", name="サイト内検索").count() == 1
    inject_axe(page)
    failures = [f"{scheme(page)}: {v}" for v in run_axe(page, ".md-search")]
    toggle_scheme(page)
    failures += [f"{scheme(page)}: {v}" for v in run_axe(page, ".md-search")]
    assert not failures, "\n".join(failures)


def _tab_to(page: Any, selector: str, limit: int = 20) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _drawer_open(page: Any) -> bool:
    return page.evaluate("document.getElementById('__drawer').checked")


def _search_open(page: Any) -> bool:
    return page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize("key", ["Enter", " "], ids=["enter", "space"])
def test_menu_opens_by_keyboard_at_360px_and_escape_returns_focus(
    new_page, site_url: str, key: str
) -> None:
    page = new_page("light", NARROW)
    page.goto(site_url + "account/transfer/")
    _tab_to(page, MENU_BUTTON)
    button = page.locator(MENU_BUTTON)
    assert button.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("button", name="メニュー").count() == 1
    page.keyboard.press(key)
    assert _drawer_open(page)
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(300)  # the drawer slides in
    assert page.evaluate(
        "document.querySelector('.md-sidebar--primary').contains(document.activeElement)"
    ), "focus did not move into the menu"
    # Every stop inside the open menu can be seen.
    stops = []
    for _ in range(12):
        state = focus_state(page)
        if not page.evaluate(
            "document.querySelector('.md-sidebar--primary').contains(document.activeElement)"
        ):
            break
        stops.append(state)
        page.keyboard.press("Tab")
    assert len(stops) >= 5, stops
    assert not focus_problems(stops), focus_problems(stops)
    page.keyboard.press("Escape")
    assert not _drawer_open(page)
    assert page.evaluate("(s) => document.activeElement.matches(s)", MENU_BUTTON)


def test_menu_levels_work_by_keyboard_at_360px(new_page, site_url: str) -> None:
    # The menu opens at the page's section; its title is the way back up.
    page = new_page("light", NARROW)
    page.goto(site_url + "account/transfer/")
    page.add_style_tag(content=NO_TRANSITIONS)
    _tab_to(page, MENU_BUTTON)
    page.keyboard.press("Enter")
    back = page.get_by_role("button", name="戻る: アカウントとID")
    page.wait_for_function("() => document.activeElement.matches('.md-nav__title')")
    assert back.count() == 1
    first_level = _menu_stops(page)
    assert "人事異動のとき" in " ".join(s["element"] for s in first_level)
    assert "Teams・Outlook" not in " ".join(s["element"] for s in first_level)
    back.focus()
    page.keyboard.press("Enter")  # up to the top level
    page.wait_for_function("() => document.activeElement.matches('label.md-nav__link')")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    top_level = _menu_stops(page)
    assert "Teams・Outlook" in " ".join(s["element"] for s in top_level)
    page.keyboard.press("Escape")
    assert not _drawer_open(page)


def _menu_stops(page: Any) -> list[dict[str, Any]]:
    """Tab through the open menu from the focused element; fail on a hidden stop."""
    inside = "document.querySelector('.md-sidebar--primary').contains(document.activeElement)"
    stops = []
    for _ in range(40):
        if not page.evaluate(inside):
            break
        stops.append(focus_state(page))
        page.keyboard.press("Tab")
    assert not focus_problems(stops), focus_problems(stops)
    return stops


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280px", "360px"])
@pytest.mark.parametrize(
    "path", ["", "account/transfer/", "en/files/sharing-rules/", "faq/", "learning/sessions/"]
)
def test_every_focus_stop_is_visible_with_a_ring_of_3_to_1(
    new_page, site_url: str, path: str, viewport: dict[str, int], color_scheme: str
) -> None:
    # The scheme comes from the system setting, as for a first visit.
    page = new_page(color_scheme, viewport)
    page.goto(site_url + path)
    page.add_style_tag(content=NO_TRANSITIONS)
    assert scheme(page) == ("slate" if color_scheme == "dark" else "default")
    stops = tab_walk(page)
    assert len(stops) >= 5, stops
    names = " ".join(stop["element"] for stop in stops)
    assert "配色に切り替える" in names, names  # the palette toggle is one of the stops
    problems = focus_problems(stops)
    assert not problems, "\n".join(problems)


def test_escape_returns_focus_to_the_search_button_at_360px(new_page, site_url: str) -> None:
    page = new_page("light", NARROW)
    page.goto(site_url + "teams/")
    _tab_to(page, SEARCH_BUTTON)
    assert page.get_by_role("button", name="検索").count() == 1
    page.keyboard.press("Enter")
    assert _search_open(page)
    page.wait_for_function(
        "(s) => document.activeElement === document.querySelector(s)", arg=SEARCH_INPUT
    )
    page.keyboard.type("会議")
    page.keyboard.press("End")  # Material searches on keyup
    page.locator(RESULT_ITEM).first.wait_for()
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")
    page.wait_for_function(
        "(s) => document.activeElement === document.querySelector(s)", arg=SEARCH_BUTTON
    )
    state = focus_state(page)
    assert state and state["inViewport"] and state["outline"], state


def test_escape_returns_focus_to_the_search_field_at_1280px(new_page, site_url: str) -> None:
    page = new_page("light", WIDE)
    page.goto(site_url + "teams/")
    _tab_to(page, SEARCH_INPUT)
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.keyboard.type("会議")
    page.keyboard.press("End")  # Material searches on keyup
    page.locator(RESULT_ITEM).first.wait_for()
    page.keyboard.press("Escape")
    page.wait_for_function(
        "(s) => document.activeElement === document.querySelector(s)", arg=SEARCH_INPUT
    )
    page.wait_for_timeout(200)
    assert not _search_open(page), "the search opened again"
    # Typing in the field opens the results again.
    page.keyboard.type("室")
    page.wait_for_function("() => document.getElementById('__search').checked")


def test_closed_menu_and_search_are_out_of_the_tab_order_at_360px(new_page, site_url: str) -> None:
    page = new_page("light", NARROW)
    page.goto(site_url + "account/transfer/")
    page.add_style_tag(content=NO_TRANSITIONS)
    stops = tab_walk(page)
    inside = page.evaluate(
        """() => [...document.querySelectorAll('.md-sidebar--primary a, .md-search a,'
                 + '.md-search input')].filter((e) => getComputedStyle(e).visibility
                 !== 'hidden').length"""
    )
    assert inside == 0, f"{inside} links of the closed menu or search can take focus"
    assert not focus_problems(stops), focus_problems(stops)
