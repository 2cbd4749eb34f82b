"""Build logic of the ward staff knowledge site, independent of MkDocs.

The modules here take plain data in and give plain data out; the MkDocs
stages in ``hooks/wardsite_mkdocs/`` (run in the order listed in its
``pipeline.py``) only translate MkDocs objects to and from these functions,
so the site engine can be swapped later.
"""
