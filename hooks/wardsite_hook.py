"""The MkDocs entry point of the whole build: each event goes to the pipeline.

The stages and their order are listed in ``wardsite_mkdocs/pipeline.py``;
the priorities are named there (:class:`~wardsite_mkdocs.pipeline.Priority`).
"""

from __future__ import annotations

import sys
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from wardsite_mkdocs.pipeline import Pipeline, Priority

pipeline = Pipeline()


def on_startup(command: str, dirty: bool) -> None:
    pipeline.on_startup(command, dirty)


@event_priority(Priority.CONFIG)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return pipeline.on_config(config)


@event_priority(Priority.FILES)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return pipeline.on_files(files, config)


@event_priority(Priority.ENV)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return pipeline.on_env(env, config, files)


@event_priority(Priority.PAGE)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    return pipeline.on_page_markdown(markdown, page, config)


@event_priority(Priority.CONVERTED)
def _on_page_converted(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return pipeline.on_page_converted(html, page, config, files)


@event_priority(Priority.PAGE)
def _on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    return pipeline.on_page_content(html, page, config)


def _combined_event() -> type:
    """``CombinedEvent`` of the engine running the build: ProperDocs (the drop-in fork)
    has its own class and does not recognise MkDocs' one."""
    engine = sys.modules.get("properdocs.plugins")
    return engine.CombinedEvent if engine is not None else CombinedEvent


# Two handlers of one event at different priorities (the engine's way to do it).
on_page_content = _combined_event()(_on_page_converted, _on_page_content)


@event_priority(Priority.PAGE)
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, **_: object
) -> dict[str, Any]:
    return pipeline.on_page_context(context, page, config)


@event_priority(Priority.PAGE)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return pipeline.on_post_page(output, page, config)


@event_priority(Priority.PAGE)
def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    return pipeline.on_template_context(context, template_name, config)


@event_priority(Priority.PAGE)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return pipeline.on_post_template(output_content, template_name, config)


@event_priority(Priority.SITE)
def on_post_build(config: MkDocsConfig) -> None:
    pipeline.on_post_build(config)
