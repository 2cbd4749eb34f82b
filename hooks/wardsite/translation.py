"""The note shown on a page whose translation is missing.

mkdocs-static-i18n shows the Japanese page under ``/en/`` when no English
version exists; this note tells the reader so, in the reader's language.
"""

from __future__ import annotations

import re

NOTES: dict[str, str] = {
    "en": (
        '!!! info "This page is not translated yet"\n'
        "    The text below is in Japanese. If you need help reading it, ask a colleague "
        "or call the {{ org.helpdesk.name }} on {{ org.helpdesk.phone }} "
        "(extension {{ org.helpdesk.extension }}).\n"
    ),
}

_FIRST_H1 = re.compile(r"\A\s*# [^\n]*\n")


def add_untranslated_note(markdown: str, page_lang: str, content_lang: str) -> str:
    """Put the note under the page's first heading when the content is in another language."""
    if page_lang == content_lang:
        return markdown
    note = NOTES.get(page_lang, NOTES["en"])
    heading = _FIRST_H1.match(markdown)
    if heading is None:
        return f"{note}\n{markdown}"
    return f"{heading.group(0)}\n{note}\n{markdown[heading.end():]}"
