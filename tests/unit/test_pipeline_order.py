"""The build order in hooks/wardsite_mkdocs/pipeline.py stays readable and sound."""

from __future__ import annotations

from wardsite_mkdocs.pipeline import Event, Pipeline, Priority, Scope

I18N = -100  # mkdocs-static-i18n's on_config, on_files and on_post_build


def _names(pipeline: Pipeline, event: Event) -> list[str]:
    return [s.name for s in pipeline.all_steps if s.event is event]


def test_steps_come_in_the_order_of_mkdocs_events() -> None:
    events = [s.event for s in Pipeline().all_steps]
    order = list(Event)
    assert [order.index(e) for e in events] == sorted(order.index(e) for e in events)


def test_every_step_says_why_it_runs_there() -> None:
    for step in Pipeline().all_steps:
        assert len(step.why.split()) >= 3, step.name


def test_loading_and_probing_happen_once_per_build() -> None:
    once = {s.name for s in Pipeline().all_steps if s.scope is Scope.BUILD}
    assert {"sessions.load", "pages.read_history", "faq.obtain", "org.load"} <= once
    assert all(s.event is Event.CONFIG for s in Pipeline().all_steps if s.scope is Scope.BUILD)
    # Whole-site steps run after every language is built.
    ends = [s for s in Pipeline().all_steps if s.event is Event.POST_BUILD]
    assert ends and all(s.scope is Scope.SITE for s in ends)


def test_dependent_steps_follow_what_they_need() -> None:
    pipeline = Pipeline()
    config = _names(pipeline, Event.CONFIG)
    assert config.index("org.localize") < config.index("glossary.load")
    files = _names(pipeline, Event.FILES)
    assert files[-1] == "announcements.check_links"  # links may name generated pages
    markdown = _names(pipeline, Event.PAGE_MARKDOWN)
    # fills what other steps added; then the FAQ's shapes are taken from the final text
    assert markdown[-2:] == ["org.fill_placeholders", "faq.convert_once"]
    assert _names(pipeline, Event.PAGE_CONVERTED) == ["faq.fill_in"]
    context = _names(pipeline, Event.PAGE_CONTEXT)
    assert context.index("sessions.add_transcripts") < context.index("search.collect_page")
    template = _names(pipeline, Event.POST_TEMPLATE)
    assert template.index("a11y.name_404_landmarks") < template.index(
        "notfound.not_found_per_language"
    )


def test_priorities_sit_where_the_plugins_need_them() -> None:
    assert Priority.CONFIG < I18N  # theme.language is the language being built
    assert Priority.FILES < I18N  # generated files after i18n sorted the files
    assert Priority.SITE < I18N  # after every language's build
    assert Priority.PAGE > I18N  # before i18n's on_post_page; after Material's search (0)
    assert Priority.PAGE < 0
    # The FAQ's HTML is filled in before any plugin (mkdocs-glightbox: 0) reads it,
    # after devloop_hook (10000) put back a page it kept.
    assert 0 < Priority.CONVERTED < 10000
