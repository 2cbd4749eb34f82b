"""What browser tests do on the site's pages: Material's search box, axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axe_playwright_python

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
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


def axe_violations(page: Any, include: list[str] | None = None) -> list[str]:
    """Serious and critical WCAG 2.x A/AA violations axe-core finds on the page.

    ``include``: CSS selectors of the parts to check (default: the whole page).
    """
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async (include) => await axe.run(include ? {include: include} : document,
             {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})""",
        include,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
