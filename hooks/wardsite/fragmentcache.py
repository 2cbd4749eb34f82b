"""Included templates rendered once for every page that would get the same text.

Material renders the whole menu (``partials/nav.html``, ``partials/tabs.html``)
and the search box for every page: with thousands of FAQ answers that are not in
the menu, most of those renders give text already made for another page. A
:class:`SharedFragments` wraps an included template's render function: a *key*
function reads the including template's context and returns either a key under
which the template's output is the same whatever page is built, or ``None`` for
a page that needs its own render (a page in the menu, whose item is marked).

The key functions (which variables a template reads) belong to the engine side
(``wardsite_mkdocs.shared_fragments``); this module knows only Jinja.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from typing import Any

from jinja2 import Environment

#: Reads an including template's context; ``None``: render this one as usual.
KeyOf = Callable[[Any], Hashable | None]


class SharedFragments:
    """Outputs of included templates, kept per key for one Jinja environment."""

    def __init__(self) -> None:
        #: Renders that ran, and outputs reused instead, per template name.
        self.renders: Counter[str] = Counter()
        self.reuses: Counter[str] = Counter()

    def share(self, env: Environment, name: str, key_of: KeyOf) -> None:
        """Make every ``{% include name %}`` in ``env`` reuse the output of its key.

        Jinja renders an include by calling the loaded template's
        ``root_render_func`` with the includer's context; the template object
        stays in ``env``'s cache for the build (if it were dropped and loaded
        again, pages would just be rendered as before).
        """
        template = env.get_template(name)
        render = template.root_render_func
        outputs: dict[Hashable, str] = {}

        def shared(context: Any) -> Iterator[str]:
            key = key_of(context)
            if key is None:
                self.renders[name] += 1
                yield from render(context)
                return
            text = outputs.get(key)
            if text is None:
                self.renders[name] += 1
                text = outputs[key] = "".join(render(context))
            else:
                self.reuses[name] += 1
            yield text

        template.root_render_func = shared
