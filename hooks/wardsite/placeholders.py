"""Replace ``{{ org.some.key }}`` in page Markdown with organisation facts.

Only this exact form is replaced, with plain text from ``org.yml``: nothing
is evaluated, so text that merely looks like a template stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wardsite.errors import SiteInputError
from wardsite.org import lookup

PLACEHOLDER = re.compile(r"\{\{\s*org\.([A-Za-z0-9_.]+)\s*\}\}")


def expand(markdown: str, org: Mapping[str, Any], source: str) -> str:
    """Return ``markdown`` with every org placeholder filled in.

    ``source`` names the page for the error message when a key is unknown.
    """

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        value = lookup(org, key)
        if value is None or isinstance(value, Mapping):
            raise SiteInputError(
                source,
                f"{{{{ org.{key} }}}}",
                "という項目は org.yml にありません。",
                "org.yml にある項目名に直すか、org.yml にこの項目を追加してください。",
            )
        return str(value)

    return PLACEHOLDER.sub(fill, markdown)


def expand_meta(meta: dict[str, Any], org: Mapping[str, Any], source: str) -> None:
    """Fill org placeholders in the page's front matter strings (title, description)."""
    for key, value in meta.items():
        if isinstance(value, str):
            meta[key] = expand(value, org, source)
