"""Scripts that print figures (speed, search quality, readability): not tests.

Run from the repository as modules, e.g. ``.venv/bin/python -m bench.search_quality``;
they import the test helpers as ``support`` (tests/support), installed with the
project (pyproject.toml), so no script edits ``sys.path``.
"""
