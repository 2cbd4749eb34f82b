"""Glue between the engine-independent ``wardsite`` package and MkDocs.

Only code that must know MkDocs (or its plugins') objects lives here, so
that swapping the site engine means rewriting this package and the thin
entry point ``hooks/wardsite_hook.py``, nothing else. Start at
``pipeline.py``: every stage of the build, in order.
"""
