"""Run the real MkDocs build of this project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(
    dest: Path, config: Path = ROOT / "mkdocs.yml", engine: str = "mkdocs"
) -> subprocess.CompletedProcess[str]:
    """Run ``<engine> build --strict`` and return the finished process.

    ``engine`` is ``mkdocs`` (the pinned MkDocs 1.6) or ``properdocs`` (its
    maintained drop-in fork, which reads the same mkdocs.yml).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
