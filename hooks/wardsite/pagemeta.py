"""Checks on the front matter every guide page must have."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wardsite.errors import SiteInputError

#: Longest entry of ``asked:`` (a search-box phrase or a question, not a paragraph).
MAX_ASKED_LENGTH = 80


def check_front_matter(meta: Mapping[str, Any], source: str) -> None:
    """Raise SiteInputError when a page lacks its title or description, or has a bad ``asked:``.

    The description becomes the page's ``<meta name="description">``, which
    search engines and the site's own search results show under the title.
    """
    asked_phrases(meta, source)
    for field, what in (("title", "ページの題名"), ("description", "ページの説明（1〜2文）")):
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            raise SiteInputError(
                source,
                field,
                "が front matter（ページ先頭の --- で囲んだ部分）にありません。",
                f"{field}: に{what}を書いてください。",
            )


def asked_phrases(meta: Mapping[str, Any], source: str) -> tuple[str, ...]:
    """The page's ``asked:`` list: how staff who do not know its name ask for it.

    Editors write the words and questions people type when this page is what
    they need (家で仕事がしたい for the telework guide); the search puts them in
    the page's ``asked`` field, like the FAQ questions that point to the page.
    """
    value = meta.get("asked")
    if value is None:
        return ()
    if isinstance(value, list) and value:
        phrases = [item.strip() if isinstance(item, str) else "" for item in value]
        if all(phrases) and all(len(p) <= MAX_ASKED_LENGTH for p in phrases):
            return tuple(phrases)
    raise SiteInputError(
        source,
        "asked",
        "は、このページを探す人の言い方の一覧です。1行に1つ、"
        f"{MAX_ASKED_LENGTH}文字までの、空でないことばにしてください。",
        "「asked:」の下に「  - 家で仕事がしたい」のように、「  - 」で始めて1行に1つ書きます"
        "（いらなければ「asked:」の行ごと消します）。",
    )
