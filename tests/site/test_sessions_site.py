"""Training recordings in the built site: pages in both languages, media, search documents."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support.build import ROOT, build_site, copy_project
from support.builtsite import parse_page
from wardsite.sessions import render
from wardsite.sessions.metadata import load_sessions

CATALOGUE = load_sessions(ROOT / "sessions", ROOT, probe_videos=False)


def test_catalogue_and_every_session_page_exist_in_both_languages(site: Path) -> None:
    keys = [s.key for s in CATALOGUE.sessions]
    assert len(keys) == 18
    for prefix in ("", "en/"):
        catalogue = parse_page(site / prefix / "learning/sessions/index.html")
        assert catalogue.h1[0].startswith("研修の録画")
        for key in keys:
            assert (site / prefix / f"learning/sessions/{key}/index.html").is_file(), prefix + key


def test_english_site_shows_the_japanese_pages_as_untranslated(site: Path) -> None:
    html = (site / "en/learning/sessions/hands-on-01/index.html").read_text("utf-8")
    assert '<html lang="en"' in html
    assert 'lang="ja"' in html  # the Japanese content is marked as such


def test_catalogue_is_in_the_navigation_of_both_languages(site: Path) -> None:
    ja = (site / "learning/index.html").read_text("utf-8")
    en = (site / "en/learning/index.html").read_text("utf-8")
    assert "研修の録画" in ja
    assert "Training recordings" in en


def test_media_files_are_copied_once_to_the_site_root(site: Path) -> None:
    files = render.media_files(CATALOGUE.sessions)
    assert files, "no local media in the sample sessions"
    for rel in files:
        assert (site / rel).read_bytes() == (ROOT / rel).read_bytes(), rel
        assert not (site / "en" / rel).exists(), f"en/{rel} copied twice"


def test_search_index_has_transcript_documents_at_their_times(site: Path) -> None:
    docs = json.loads((site / "search/search_index.json").read_text("utf-8"))["docs"]
    timed = {d["location"]: d for d in docs if "#t=" in d["location"]}
    assert "learning/sessions/hands-on-09/#t=00:05" in timed
    assert "話の流れ" in timed["learning/sessions/hands-on-09/#t=00:05"]["text"]
    # The transcript is indexed once, as these documents, not as page text too.
    page_docs = [d for d in docs if d["location"].startswith("learning/sessions/hands-on-09/")]
    assert sum("話の流れ" in d["text"] for d in page_docs) == 1
    # English fallback copies equal to the Japanese ones are left out.
    assert not any(loc.startswith("en/") for loc in timed)


def test_session_pages_and_transcripts_rank_below_guides_at_equal_relevance(
    site: Path,
) -> None:
    docs = json.loads((site / "search/search_index.json").read_text("utf-8"))["docs"]
    sessions = [d for d in docs if d["location"].startswith("learning/sessions/hands-on-09/")]
    assert any("#t=" in d["location"] for d in sessions)
    assert {d.get("boost") for d in sessions} == {render.SESSION_SEARCH_BOOST}
    guide = next(d for d in docs if d["location"] == "teams/channels/")
    assert guide.get("boost", 1) == 1
    # the list of the recordings ranks as a recording, not above the one asked for
    catalogue = [d for d in docs if d["location"].startswith("learning/sessions/#")]
    catalogue.append(next(d for d in docs if d["location"] == "learning/sessions/"))
    assert {d.get("boost") for d in catalogue} == {render.SESSION_SEARCH_BOOST}
    # on the English site, pages shown in Japanese (here the session pages, which
    # have no English version) weigh less than English ones
    boosts = {d["location"]: d.get("boost", 1) for d in docs}
    assert boosts["en/help/"] == 1
    assert boosts["en/telework/troubleshooting/"] == 1
    assert boosts["en/learning/sessions/hands-on-09/"] == render.SESSION_SEARCH_BOOST / 2


def test_pages_read_without_javascript(site: Path) -> None:
    html = (site / "learning/sessions/hands-on-01/index.html").read_text("utf-8")
    assert "<video" in html and " controls" in html
    assert '<track kind="captions" srclang="ja"' in html
    assert 'href="#t=00:05"' in html  # chapter and cue links are plain links
    assert "download" in html  # materials


def test_broken_session_file_fails_the_strict_build_with_a_japanese_message(
    tmp_path: Path,
) -> None:
    """Also the paths of issue #10: before, ``../org.yml`` was copied over the
    project's org.yml (the site folder inside the project) and ``.git/config``
    was published, even though the strict build then failed."""
    project = tmp_path / "project"
    config = copy_project(project)
    meta = project / "sessions" / "hands-on-02.yml"
    meta.write_text(meta.read_text("utf-8").replace("level: 基礎", "level: 中級"), "utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: x\n")
    org_before = (project / "org.yml").read_bytes()
    for name, path in (("hands-on-03", "../org.yml"), ("hands-on-04", ".git/config")):
        meta = project / "sessions" / f"{name}.yml"
        meta.write_text(
            meta.read_text("utf-8") + f"materials:\n  - {{title: 資料, file: {path}}}\n", "utf-8"
        )

    result = build_site(project / "site", config)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "WARNING" in log
    assert "sessions/hands-on-02.yml" in log and "level" in log and "中級" in log
    for name, path in (("hands-on-03", "../org.yml"), ("hands-on-04", ".git/config")):
        assert f"sessions/{name}.yml: 「materials の1番目の file」の「{path}」" in log
    assert "Traceback" not in log
    assert (project / "org.yml").read_bytes() == org_before
    published = [p.name for p in (project / "site").rglob("*")]
    assert "config" not in published and "org.yml" not in published


def test_chapters_track_is_written_next_to_the_captions(site: Path) -> None:
    html = (site / "learning/sessions/hands-on-01/index.html").read_text("utf-8")
    src = re.search(r'<track kind="chapters" srclang="ja" label="チャプター" src="([^"]+)"', html)
    assert src, "no chapters track"
    track = (site / "learning/sessions/hands-on-01" / src.group(1)).resolve()
    assert track.parent == (site / "media/samples/hands-on-01").resolve()
    text = track.read_text("utf-8")
    assert text.startswith("WEBVTT") and "多要素認証で承認する" in text
