"""Helpdesk FAQ: sources → validated model → sanitised HTML → snapshot → pages.

Nothing here imports MkDocs. A build hook calls :func:`wardsite.faq.pull.pull_faq`
to get a snapshot (fresh, or the last good one with a reason) and
:func:`wardsite.faq.render.render_site` to turn it into (path, Markdown) pairs.
"""
