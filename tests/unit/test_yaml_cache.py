"""wardsite.yamlfile.safe_load remembers parsed texts (the dev server parses
the same files on every save): an edit is seen, callers get their own copy,
bad YAML fails every time with the Japanese message."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardsite.errors import SiteInputError
from wardsite.yamlfile import read_mapping, safe_load


def test_copies_and_edits(tmp_path: Path) -> None:
    first = safe_load("a:\n  - 1\n")
    first["a"].append(2)  # a caller changing its data changes no later answer
    assert safe_load("a:\n  - 1\n") == {"a": [1]}
    path = tmp_path / "x.yml"
    path.write_text("title: 一\n", "utf-8")
    assert read_mapping(path, "x.yml", "") == {"title": "一"}
    path.write_text("title: 二\n", "utf-8")
    assert read_mapping(path, "x.yml", "") == {"title": "二"}


def test_bad_yaml_fails_each_time(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text("a: [1\n", "utf-8")
    for _ in range(2):
        with pytest.raises(SiteInputError, match=r"bad\.yml"):
            read_mapping(path, "bad.yml", "")
