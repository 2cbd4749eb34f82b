"""Paths in sessions/*.yml stay inside the session's media folder (issue #10, security).

Each case the issue names: ``../org.yml`` was copied over the repository's
org.yml, ``.git/config`` was published, ``../../../../etc/passwd`` crashed the
build with a traceback, and a symbolic link could point anywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sessionkit import SESSION_YML, VTT

from wardsite.sessions import render
from wardsite.sessions.metadata import load_sessions
from wardsite.sessions.model import Material, Recording, Session
from wardsite.sessions.paths import copy_media

FOLDER = "media/sessions/hands-on-07"
ORG = "# the repository's own org.yml\nname: 区役所\n"


def _repo(tmp_path: Path, extra: str) -> Path:
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "hands-on-07.yml").write_text(SESSION_YML + extra, "utf-8")
    (tmp_path / "org.yml").write_text(ORG, "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: x\n")
    (tmp_path / FOLDER).mkdir(parents=True)
    (tmp_path / FOLDER / "slides.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / FOLDER / "captions.vtt").write_text(VTT, "utf-8")
    (tmp_path / FOLDER / "video.mp4").write_bytes(b"\x00fake")
    return tmp_path


def _material(path: str) -> str:
    return f"materials:\n  - {{title: 資料, file: {path}}}\n"


def _build(root: Path) -> tuple[list[str], Path]:
    """Load the catalogue and copy its media as the build does; (problems, site folder)."""
    catalogue = load_sessions(root / "sessions", root, probe_videos=False)
    site = root / "site"
    site.mkdir(exist_ok=True)
    problems = [str(e) for e in catalogue.errors]
    problems += copy_media(root, site, render.media_sources(catalogue.sessions))
    return problems, site


BAD_MATERIALS = [
    "../org.yml",
    ".git/config",
    "../../../../etc/passwd",
    "/etc/passwd",
    f"{FOLDER}/../../../org.yml",
    f"{FOLDER}/.hidden.pdf",
    "media/sessions/hands-on-08/slides.pdf",
    "org.yml",
    "media\\sessions\\hands-on-07\\slides.pdf",
]


@pytest.mark.parametrize("path", BAD_MATERIALS)
def test_material_outside_the_session_folder_is_an_error_and_not_copied(
    tmp_path: Path, path: str
) -> None:
    root = _repo(tmp_path, _material(path))
    (root / "media/sessions/hands-on-08").mkdir(parents=True)
    (root / "media/sessions/hands-on-08/slides.pdf").write_bytes(b"%PDF-1.4\n")
    (root / FOLDER / ".hidden.pdf").write_bytes(b"%PDF-1.4\n")
    problems, site = _build(root)
    (problem,) = problems
    assert problem.startswith("sessions/hands-on-07.yml: 「materials の1番目の file」")
    assert path in problem and "media/sessions/hands-on-07/" in problem
    assert (root / "org.yml").read_text("utf-8") == ORG
    assert [p for p in site.rglob("*") if p.is_file()] == []
    assert "extraheader" not in "".join(
        render.render_pages(load_sessions(root / "sessions", root, probe_videos=False).sessions)[1][
            1
        ]
    )


def test_org_yml_is_not_overwritten_when_the_site_is_built_inside_the_repo(
    tmp_path: Path,
) -> None:
    """The case the issue found: site/../org.yml is the repository's org.yml."""
    root = _repo(tmp_path, _material("../org.yml"))
    (root / "site" / "x").mkdir(parents=True)
    (root / "site" / "org.yml").write_text("site copy", "utf-8")
    _build(root)
    assert (root / "org.yml").read_text("utf-8") == ORG


def test_symlink_out_of_the_session_folder_is_an_error(tmp_path: Path) -> None:
    root = _repo(tmp_path, _material(f"{FOLDER}/notes.pdf"))
    (root / FOLDER / "notes.pdf").symlink_to(root / ".git" / "config")
    problems, site = _build(root)
    (problem,) = problems
    assert "materials の1番目の file" in problem and "シンボリックリンク" in problem
    assert not (site / FOLDER / "notes.pdf").exists()


def test_symlinked_session_folder_is_an_error(tmp_path: Path) -> None:
    root = _repo(tmp_path, _material("media/sessions/hands-on-07/config"))
    (root / FOLDER / "slides.pdf").unlink()
    (root / FOLDER / "captions.vtt").unlink()
    (root / FOLDER / "video.mp4").unlink()
    (root / FOLDER).rmdir()
    (root / FOLDER).symlink_to(root / ".git")
    problems, site = _build(root)
    (problem,) = problems
    assert "シンボリックリンク" in problem
    assert not (site / FOLDER / "config").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("video", "../org.yml"),
        ("captions", ".git/config"),
        ("poster", "../../../../etc/passwd"),
    ],
)
def test_recording_paths_are_checked_too(tmp_path: Path, field: str, value: str) -> None:
    recording = {
        "video": f"{FOLDER}/video.mp4",
        "captions": f"{FOLDER}/captions.vtt",
        "poster": f"{FOLDER}/video.mp4",
        field: value,
    }
    lines = "".join(f"  {k}: {v}\n" for k, v in recording.items())
    root = _repo(tmp_path, f"recording:\n{lines}  duration: 2.0\n")
    problems, site = _build(root)
    assert any(f"「recording.{field}」" in p and value in p for p in problems), problems
    assert not any(p.name in ("config", "org.yml", "passwd") for p in site.rglob("*"))
    assert (root / "org.yml").read_text("utf-8") == ORG


def test_good_paths_are_copied(tmp_path: Path) -> None:
    root = _repo(tmp_path, _material(f"{FOLDER}/slides.pdf"))
    problems, site = _build(root)
    assert problems == []
    assert (site / FOLDER / "slides.pdf").read_bytes() == b"%PDF-1.4\n"


def test_copy_media_refuses_unsafe_paths_it_is_given_directly(tmp_path: Path) -> None:
    """Last line of defence: even a Session built in code cannot copy outside."""
    root = _repo(tmp_path, "")
    session = Session(
        track="hands-on",
        number=7,
        title="t",
        level="基礎",
        date=None,
        length_minutes=1,
        trainer="x",
        goals=("g",),
        materials=(Material("a", "../org.yml"), Material("b", ".git/config")),
        recording=Recording(video="../../../../etc/passwd", captions="/etc/hostname", duration=1),
    )
    site = root / "site"
    site.mkdir()
    problems = copy_media(root, site, render.media_sources([session]))
    assert len(problems) == 4
    assert (root / "org.yml").read_text("utf-8") == ORG
    assert list(site.iterdir()) == []
