"""Run the real MkDocs build of this project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


#: Outside programs the build runs whose calls :func:`build_site` can count.
COUNTED_TOOLS = ("ffprobe", "git")

#: Jinja templates whose renders the shim counts (tests/site/test_shared_fragments.py).
COUNTED_TEMPLATES = ("partials/nav.html", "partials/tabs.html")

#: Run at the build's start-up (``sitecustomize``): every Markdown converter made is
#: logged as one line ``markdown``, to count the pages MkDocs really converted, and
#: every render of a :data:`COUNTED_TEMPLATES` template as ``template <name>``.
_COUNTING_STARTUP = """\
import jinja2.environment
import markdown

_made = markdown.Markdown.__init__


def _log(line):
    with open({log!r}, "a", encoding="utf-8") as out:
        out.write(line + "\\n")


def _counted(self, *args, **kwargs):
    _log("markdown")
    _made(self, *args, **kwargs)


markdown.Markdown.__init__ = _counted

_loaded = jinja2.environment.Template._from_namespace.__func__


def _counted_template(cls, environment, namespace, globals):
    template = _loaded(cls, environment, namespace, globals)
    if template.name in {templates!r}:
        render = template.root_render_func

        def counted(context):
            _log("template " + template.name)
            yield from render(context)

        template.root_render_func = counted
    return template


jinja2.environment.Template._from_namespace = classmethod(_counted_template)
"""


def build_site(
    dest: Path,
    config: Path = ROOT / "mkdocs.yml",
    engine: str = "mkdocs",
    *,
    tool_log: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``<engine> build --strict`` and return the finished process.

    ``engine`` is ``mkdocs`` (the pinned MkDocs 1.6) or ``properdocs`` (its
    maintained drop-in fork, which reads the same mkdocs.yml). With
    ``tool_log``, every call of :data:`COUNTED_TOOLS` is written there as one
    line (``tool arg…``) before the real program runs, every Markdown
    converter the build makes as a line ``markdown`` and every render of a
    :data:`COUNTED_TEMPLATES` template as ``template <name>``.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if tool_log is not None:
        shims = _counting_shims(tool_log)
        env["PATH"] = f"{shims}{os.pathsep}{env.get('PATH', '')}"
        old = env.get("PYTHONPATH")
        env["PYTHONPATH"] = os.pathsep.join([str(shims), *([old] if old else [])])
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(dest)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(dest: Path) -> Path:
    """A copy of the project's build inputs in ``dest``; returns its mkdocs.yml.

    For builds with changed data files (a broken one, test announcements).
    """
    for name in ("docs", "overrides", "hooks", "sessions", "media", "data"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "org.yml"):
        shutil.copy(ROOT / name, dest / name)
    return dest / "mkdocs.yml"


def _counting_shims(log: Path) -> Path:
    """A folder of scripts that log their arguments, then run the real program."""
    folder = log.parent / f"{log.stem}-shims"
    folder.mkdir(parents=True, exist_ok=True)
    for tool in COUNTED_TOOLS:
        real = shutil.which(tool)
        if real is None:
            continue
        script = folder / tool
        script.write_text(
            f'#!/bin/sh\nprintf "%s\\n" "{tool} $*" >> "{log}"\nexec "{real}" "$@"\n',
            encoding="utf-8",
        )
        script.chmod(0o755)
    (folder / "sitecustomize.py").write_text(
        _COUNTING_STARTUP.format(log=str(log), templates=set(COUNTED_TEMPLATES)),
        encoding="utf-8",
    )
    return folder
