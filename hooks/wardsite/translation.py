"""Pages shown in another language than the site's: mkdocs-static-i18n shows
the Japanese page under ``/en/`` when no English version exists.

The reader gets a note in the page's language, and the content is marked
with its real language so screen readers read it with the right voice
(WCAG 3.1.2, language of parts). In search, such a page ranks below the
pages written in the reader's language when both match equally well.
"""

from __future__ import annotations

import re

NOTES: dict[str, str] = {
    "en": (
        '<div class="admonition info" lang="en">\n'
        '<p class="admonition-title">This page is not translated yet</p>\n'
        "<p>The text below is in Japanese. If you need help reading it, ask a colleague "
        "or call the {{ org.helpdesk.name }} on {{ org.helpdesk.phone }} "
        "(extension {{ org.helpdesk.extension }}).</p>\n"
        "</div>\n"
    ),
}

#: Search weight of a page shown in another language than the site's (an
#: English reader finds the English page first; the Japanese one still comes).
UNTRANSLATED_SEARCH_BOOST = 0.5

_FIRST_H1 = re.compile(r"\A\s*# [^\n]*\n")


def add_untranslated_note(markdown: str, page_lang: str, content_lang: str) -> str:
    """Put the note under the page's first heading when the content is in another language."""
    if page_lang == content_lang:
        return markdown
    note = NOTES.get(page_lang, NOTES["en"])
    heading = _FIRST_H1.match(markdown)
    if heading is None:
        return f"{note}\n{markdown}"
    return f"{heading.group(0)}\n{note}\n{markdown[heading.end() :]}"


def mark_content_language(html: str, page_lang: str, content_lang: str) -> str:
    """Wrap content written in another language than the page in an element saying so."""
    if page_lang == content_lang:
        return html
    return f'<div lang="{content_lang}">\n{html}\n</div>'


def search_boost(boost: float, page_lang: str, content_lang: str) -> float:
    """The page's search boost, lowered when its content is in another language."""
    return boost if page_lang == content_lang else boost * UNTRANSLATED_SEARCH_BOOST
