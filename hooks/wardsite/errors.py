"""The one error type the build reports to people.

Messages are written in Japanese for the staff and IT staff who read the
build log; each names the file, the field and what to do.
"""

from __future__ import annotations


class SiteInputError(ValueError):
    """Bad input in a file an editor maintains (org.yml, front matter, ...)."""

    def __init__(self, file: str, field: str, problem: str, fix: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        self.fix = fix
        super().__init__(f"{file}: 「{field}」{problem} {fix}")
