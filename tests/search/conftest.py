"""Fixtures for the search tests: sample bundles and Node with lunr.js installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from support.searchvectors import sample_bundle

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def ja_bundle() -> dict[str, Any]:
    return sample_bundle("ja")


@pytest.fixture(scope="session")
def en_bundle() -> dict[str, Any]:
    return sample_bundle("en")


@pytest.fixture(scope="session")
def node() -> str:
    """The node executable, with tests/search/node_modules installed from the lock file."""
    executable = shutil.which("node")
    if executable is None:
        pytest.fail("Node.js が見つかりません（scripts/test が入れるはずです）。")
    if not (HERE / "node_modules" / "lunr" / "package.json").exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=HERE, check=True, timeout=300
        )
    return executable
