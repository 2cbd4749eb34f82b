"""Another municipality can reuse the site by editing org.yml alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from support.build import ROOT, build_site
from support.builtsite import content_pages
from wardsite.org import load_org

ORG = load_org(ROOT / "org.yml")


def _copy_project(dest: Path) -> Path:
    for name in ("docs", "overrides", "hooks", "data"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "org.yml"):
        shutil.copy(ROOT / name, dest / name)
    return dest / "mkdocs.yml"


def test_changing_org_file_changes_every_page(tmp_path: Path) -> None:
    config = _copy_project(tmp_path / "project")
    org = yaml.safe_load((tmp_path / "project" / "org.yml").read_text("utf-8"))
    org["site"]["name"] = "もみじ区 職員ポータル"
    org["helpdesk"]["phone"] = "06-7777-0000"
    org["retention"]["recycle_bin_days"] = "120"
    (tmp_path / "project" / "org.yml").write_text(yaml.safe_dump(org, allow_unicode=True))

    result = build_site(tmp_path / "site", config)
    assert result.returncode == 0, result.stderr

    pages = content_pages(tmp_path / "site")
    texts = {p.relative_to(tmp_path / "site").as_posix(): p.read_text("utf-8") for p in pages}
    # FAQ answers are the helpdesk's own text (they may quote its number); the
    # "ask the helpdesk" box on each FAQ page comes from org.yml.
    ours = {rel: t for rel, t in texts.items() if not rel.startswith(("faq/", "en/faq/"))}
    assert all(ORG["helpdesk"]["phone"] not in t for t in ours.values())
    assert "06-7777-0000" in texts["faq/4400101/index.html"]
    japanese = [t for rel, t in texts.items() if not rel.startswith("en/")]
    assert all("もみじ区 職員ポータル" in t for t in japanese)
    assert "06-7777-0000" in texts["help/index.html"]
    # Ward settings quoted in guides follow org.yml too (issue 15).
    assert "120日" in texts["files/restore/index.html"]
    assert "93日" not in texts["files/restore/index.html"]


def test_missing_fact_stops_the_build_with_a_japanese_message(tmp_path: Path) -> None:
    config = _copy_project(tmp_path / "project")
    org_file = tmp_path / "project" / "org.yml"
    org = yaml.safe_load(org_file.read_text("utf-8"))
    del org["helpdesk"]["phone"]
    org_file.write_text(yaml.safe_dump(org, allow_unicode=True))

    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "org.yml" in log and "helpdesk.phone" in log and "値を書いてください" in log
