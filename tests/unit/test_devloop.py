"""The edit loop's parts: background index jobs, caches by file and by content."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from jinja2 import DictLoader, Environment

from wardsite.devloop import DevLoop
from wardsite.filecache import StatCache
from wardsite.rendercache import RenderCache, Rendered, content_key
from wardsite.templatecache import MemoryBytecodeCache


def _write_index(lang: str, text: str) -> object:
    def build(folder: Path) -> None:
        (folder / lang).mkdir()
        (folder / lang / "meta.json").write_text(text, encoding="utf-8")

    return build


def test_serving_only_for_serve_and_not_with_full_reload() -> None:
    loop = DevLoop()
    loop.start("build", {})
    assert not loop.serving
    loop.start("serve", {"WARDSITE_RELOAD": "full"})
    assert not loop.serving
    loop.start("serve", {})
    assert loop.serving and not loop.background  # the first build stays in the foreground


def test_job_is_swapped_in_kept_and_restored(tmp_path: Path) -> None:
    loop = DevLoop()
    loop.start("serve", {})
    site = tmp_path / "site" / "search"
    site.mkdir(parents=True)
    published: list[bool] = []
    loop.on_published = lambda: published.append(True)
    loop.submit(_write_index("ja", "one"), site)
    assert loop.wait_idle(30)
    assert (site / "ja" / "meta.json").read_text(encoding="utf-8") == "one"
    assert published == [True] and loop.background
    # A rebuild cleans the site; the last index comes back at once.
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    loop.restore(fresh)
    assert (fresh / "ja" / "meta.json").read_text(encoding="utf-8") == "one"
    # The same index again: the pages are not told to reload.
    loop.submit(_write_index("ja", "one"), site)
    assert loop.wait_idle(30)
    assert published == [True]
    # A newer index changes neither the restored copy (hard links) nor is lost.
    loop.submit(_write_index("ja", "two"), site)
    assert loop.wait_idle(30)
    assert (fresh / "ja" / "meta.json").read_text(encoding="utf-8") == "one"
    again = tmp_path / "again"
    again.mkdir()
    loop.restore(again)
    assert (again / "ja" / "meta.json").read_text(encoding="utf-8") == "two"


def test_job_of_an_older_rebuild_is_dropped(tmp_path: Path) -> None:
    loop = DevLoop()
    site = tmp_path / "search"
    site.mkdir()
    started, release = threading.Event(), threading.Event()

    def slow(folder: Path) -> None:
        started.set()
        release.wait(30)
        _write_index("ja", "stale")(folder)  # type: ignore[operator]

    loop.submit(slow, site)
    assert started.wait(30)
    loop.rebuild_started()  # the next save: MkDocs cleans the site now
    release.set()
    assert loop.wait_idle(30)
    assert not (site / "ja").exists()


def test_stat_cache_computes_again_when_the_file_changes(tmp_path: Path) -> None:
    calls: list[str] = []

    def look(path: Path, name: str) -> str:
        calls.append(name)
        return path.read_text(encoding="utf-8")

    cache = StatCache(look)
    video = tmp_path / "v.mp4"
    video.write_text("a", encoding="utf-8")
    assert cache.get(video, "first") == "a"
    assert cache.get(video, "second") == "a"
    assert calls == ["first"]
    video.write_text("bb", encoding="utf-8")
    stat = video.stat()
    os.utime(video, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert cache.get(video, "third") == "bb"
    assert calls == ["first", "third"]


def test_render_cache_keeps_only_what_the_last_round_used() -> None:
    cache = RenderCache()
    page = Rendered("<p>a</p>", None, "A", frozenset(), {})
    cache.put("a", page)
    cache.put("b", page)
    cache.new_round()
    assert cache.get("a") is page  # used in this round
    cache.new_round()
    assert cache.get("b") is None  # not used in the round before
    assert content_key("ab", "c") != content_key("a", "bc")


def test_templates_are_compiled_once_for_every_environment() -> None:
    cache = MemoryBytecodeCache()
    loader = DictLoader({"page.html": "{{ 1 + 1 }}"})
    compiled: list[str] = []

    class Counting(Environment):
        def _compile(self, source: str, filename: str):  # type: ignore[no-untyped-def]
            compiled.append(filename)
            return super()._compile(source, filename)

    for _ in range(3):
        env = Counting(loader=loader, bytecode_cache=cache)
        assert env.get_template("page.html").render() == "2"
    assert len(compiled) == 1
    Counting(loader=loader).get_template("page.html")  # without the cache: compiled again
    assert len(compiled) == 2
