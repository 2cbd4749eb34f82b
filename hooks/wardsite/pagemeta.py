"""Checks on the front matter every guide page must have."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wardsite.errors import SiteInputError


def check_front_matter(meta: Mapping[str, Any], source: str) -> None:
    """Raise SiteInputError when a page lacks its title or description.

    The description becomes the page's ``<meta name="description">``, which
    search engines and the site's own search results show under the title.
    """
    for field, what in (("title", "ページの題名"), ("description", "ページの説明（1〜2文）")):
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            raise SiteInputError(
                source,
                field,
                "が front matter（ページ先頭の --- で囲んだ部分）にありません。",
                f"{field}: に{what}を書いてください。",
            )
