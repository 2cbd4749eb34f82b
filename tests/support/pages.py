"""What browser tests do on the site's pages: Material's search box, axe-core."""

from __future__ import annotations

from typing import Any

from support.a11y import inject_axe, run_axe

SEARCH_INPUT = 'input[data-md-component="search-query"]'
RESULT_ITEM = ".md-search-result__item"


def type_search(page: Any, query: str) -> None:
    """Type a query into the header search box; Material searches on keyup only."""
    box = page.locator(SEARCH_INPUT)
    box.click()
    box.fill(query)
    box.press("End")


def heading(page: Any) -> str:
    """The page's first heading without its permalink sign."""
    return page.locator("h1").first.inner_text().rstrip("¶").strip()


def axe_violations(page: Any, include: str | list[str] | None = None) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page.

    ``include``: CSS selectors of the parts to check (default: the whole page).
    """
    inject_axe(page)
    return run_axe(page, include)
