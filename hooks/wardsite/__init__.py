"""Build logic of the ward staff knowledge site, independent of MkDocs.

The modules here take plain data in and give plain data out; the MkDocs
entry points in ``hooks/*_hook.py`` only translate MkDocs objects to and
from these functions, so the site engine can be swapped later.
"""
