"""Helpdesk FAQ: sources → validated model → sanitised HTML → snapshot → pages.

Nothing here imports MkDocs. The build's FAQ stage calls :func:`wardsite.faq.publish.obtain`
once per build to get a snapshot (fresh, or the last good one with a reason) and
:func:`wardsite.faq.publish.pages_for` per language to turn it into pages at
language-neutral paths (:func:`wardsite.faq.render.render_language`).
"""
