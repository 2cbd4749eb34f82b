"""Which FAQ questions point to which guide: the guide's "asked as" text for the search.

A helpdesk FAQ entry labelled ``guide:<path>`` says that the guide at ``<path>``
answers it (its page lists that guide under "related guides"). The entry's title
is then a question staff ask for that guide, in their own words
("パスワードを忘れました。どうすればよいですか？" for the password reset guide).
Text that other documents use to point at a page describes that page as people
name it (anchor-text indexing; expanding a document with the questions asked of
it): the search index puts these titles in a field of the guide's own document.

Only entries the site publishes in that language count (the same entries the FAQ
pages are rendered from), so an article the helpdesk restricts, a draft or a
withdrawn entry never reaches the index; labels naming a guide that does not
exist in the build are ignored, as the FAQ page's list of related guides does.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from wardsite.faq.model import FaqEntry

GUIDE_LABEL = "guide:"


def guide_paths(entry: FaqEntry) -> list[str]:
    """The guide paths (``account/password-reset``, no ``.md``) of ``guide:`` labels."""
    paths: list[str] = []
    for label in entry.labels:
        if label.startswith(GUIDE_LABEL):
            path = label[len(GUIDE_LABEL) :].strip().strip("/").removesuffix(".md")
            if path and path not in paths:
                paths.append(path)
    return paths


def asked_titles(
    entries: Iterable[FaqEntry], lang: str, guides: Container[str]
) -> dict[str, tuple[str, ...]]:
    """Guide path → titles of the published ``lang`` entries that point to it.

    ``guides`` holds the guide paths of the build (labels naming others are
    ignored); titles keep the entries' order, each title once per guide.
    """
    asked: dict[str, list[str]] = {}
    for entry in entries:
        if entry.locale != lang or not entry.published or not entry.title.strip():
            continue
        for path in guide_paths(entry):
            if path in guides:
                titles = asked.setdefault(path, [])
                if entry.title not in titles:
                    titles.append(entry.title)
    return {path: tuple(titles) for path, titles in asked.items()}
