"""Compiled Jinja templates kept in memory for the life of the process.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n
builds once per language, so Material's ~90 templates are compiled again for
each language of every build and every ``serve`` rebuild (about a tenth of a
rebuild). Jinja's bytecode cache checks each template's source checksum, so an
edited template is compiled again.
"""

from __future__ import annotations

import threading

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """A :class:`jinja2.BytecodeCache` in a dict (shared by every environment given it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        with self._lock:
            code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        with self._lock:
            self._code[bucket.key] = code

    def clear(self) -> None:
        with self._lock:
            self._code.clear()


#: The process's one cache (every build's environment).
TEMPLATES = MemoryBytecodeCache()
