"""The CI workflow keeps its promises: pinned actions, a schedule, the FAQ state kept
between runs, secrets only in step environments, and no public Pages by default."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SITE = ROOT / ".github" / "workflows" / "site.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def _steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, step) for name, job in workflow["jobs"].items() for step in job.get("steps", [])]


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment() -> None:
    assert WORKFLOWS
    for path in WORKFLOWS:
        lines = path.read_text("utf-8").splitlines()
        for job, step in _steps(_load(path)):
            uses = step.get("uses")
            if uses is None or uses.startswith("./"):
                continue
            assert PINNED.match(uses), f"{path.name} {job}: {uses}"
            line = next(x for x in lines if f"uses: {uses}" in x)
            assert re.search(r"# v\d+\.\d+\.\d+\s*$", line), line


def test_schedule_and_merge_to_main_trigger_the_site() -> None:
    on = _load(SITE)["on"]
    crons = [entry["cron"] for entry in on["schedule"]]
    assert crons and all(len(c.split()) == 5 for c in crons)
    assert on["push"]["branches"] == ["main"]
    assert "UTC" in SITE.read_text("utf-8") and "JST" in SITE.read_text("utf-8")


def test_the_site_is_built_once_with_the_live_faq_and_its_state_is_kept() -> None:
    workflow = _load(SITE)
    builds = [
        (job, step) for job, step in _steps(workflow) if "mkdocs build" in str(step.get("run", ""))
    ]
    assert len(builds) == 1, builds
    job, build = builds[0]
    assert "--strict" in build["run"]
    for name in ("WARDSITE_FAQ_BASE_URL", "WARDSITE_FAQ_TOKEN", "WARDSITE_FAQ_EMAIL"):
        assert build["env"][name] == "${{ secrets." + name + " }}"
    steps = [step for name, step in _steps(workflow) if name == job]
    cache = [s for s in steps if "actions/cache" in s.get("uses", "") and ".cache/faq" in str(s)]
    restore = next(s for s in cache if "/restore@" in s["uses"])
    save = next(s for s in cache if "/save@" in s["uses"])
    assert "run_id" in restore["with"]["key"] and restore["with"]["restore-keys"]
    assert save["with"]["key"] == restore["with"]["key"] and "cancelled()" in save["if"]
    status = next(s for s in steps if "faq-status" in str(s.get("run", "")))
    assert "--max-stale" in status["run"] and "cancelled()" in status["if"]
    assert steps.index(save) < steps.index(status)  # the counter is saved even when it fails
    # The scheduled run does not repeat the test suite (and its test builds).
    assert "schedule" in workflow["jobs"]["test"]["if"]


def test_pages_only_when_the_repository_variable_says_so() -> None:
    workflow = _load(SITE)
    for job, step in _steps(workflow):
        if "pages" in step.get("uses", ""):
            condition = step.get("if") or workflow["jobs"][job].get("if", "")
            assert "vars.PUBLISH_TO_GITHUB_PAGES == 'true'" in condition, (job, step)
    assert "vars.PUBLISH_TO_GITHUB_PAGES == 'true'" in workflow["jobs"]["pages"]["if"]
    for name in ("deploy-runner", "deploy-ssh"):
        job = workflow["jobs"][name]
        assert "vars.WARD_DEPLOY" in job["if"] and "refs/heads/main" in job["if"]
        assert any("scripts/deploy" in str(s.get("run", "")) for s in job["steps"])
    assert "self-hosted" in workflow["jobs"]["deploy-runner"]["runs-on"]
    # Write access to Pages only in the job that needs it.
    assert workflow["permissions"] == {"contents": "read"}


def test_secrets_only_reach_step_environments_and_are_never_printed() -> None:
    for path in WORKFLOWS:
        text = path.read_text("utf-8")
        assert "set -x" not in text
        for job, step in _steps(_load(path)):
            for key, value in step.items():
                if key != "env":
                    assert "secrets." not in str(value), (path.name, job, key)
            for value in (step.get("env") or {}).values():
                assert "secrets." not in str(value) or re.fullmatch(
                    r"\$\{\{ secrets\.\w+ \}\}", str(value)
                )
            run = str(step.get("run", ""))
            for line in run.splitlines():
                if re.search(r"\b(echo|printf)\b", line):
                    assert (
                        not re.search(r"\$\{?(SSH_KEY|WARDSITE_FAQ_TOKEN)\b", line) or ">" in line
                    )
