"""Publishing from the GitHub Actions form: inputs, downloads, the workflow file (issue #10)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sessionkit import REPO, VTT

from support.httpserver import serve_directory
from wardsite.sessions.metadata import load_sessions
from wardsite_ops.sessions.remote import run

WORKFLOW = REPO / ".github" / "workflows" / "publish-session.yml"


def _env(base: str, **extra: str) -> dict[str, str]:
    return {
        "SESSION_NUMBER": "7",
        "SESSION_TRACK": "hands-on",
        "RECORDING_URL": f"{base}rec/video.mp4",
        "TRANSCRIPT_URL": f"{base}rec/transcript.vtt",
        "SPEAKERS": "講師役 サンプル=講師; 受講者役 サンプル=受講者",
        "WARDSITE_MEDIA_BASE_URL": base,
        **extra,
    }


@pytest.fixture
def server(tmp_path: Path, clips: dict[str, Path]):
    folder = tmp_path / "media-server"
    (folder / "rec").mkdir(parents=True)
    (folder / "rec" / "video.mp4").write_bytes(clips["h264"].read_bytes())
    (folder / "rec" / "transcript.vtt").write_text(
        VTT.replace("はじめに", "<v 講師役 サンプル>はじめに"), encoding="utf-8"
    )
    (folder / "rec" / "chapters.txt").write_text("00:00 はじめに\n00:01 承認\n", "utf-8")
    with serve_directory(folder) as url:
        yield url


def test_form_answers_are_downloaded_and_published(repo: Path, tmp_path: Path, server: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = _env(server, CHAPTERS_URL=f"{server}rec/chapters.txt", WARDSITE_MEDIA_DIR="")
    code, summary = run(env, repo, work)
    assert code == 0, summary
    assert "第7回の録画を公開する準備ができました" in summary
    assert "media-upload-hands-on-07" in summary  # no shared folder: files go as an artifact
    (session,) = load_sessions(repo / "sessions", repo).sessions
    assert session.recording.video.startswith(f"{server}hands-on-07/video.")
    assert [c.title for c in session.chapters] == ["はじめに", "承認"]
    assert session.recording.cues[0].speaker == "講師"
    assert list((repo / "build" / "media-upload" / "hands-on-07").glob("video.*.mp4"))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"RECORDING_URL": "https://example.com/rec.mp4"}, "からは取り込みません"),
        ({"RECORDING_URL": "file:///etc/passwd"}, "https:// で始まる URL"),
        ({"TRANSCRIPT_URL": ""}, "「トランスクリプトの URL」が空です"),
        ({"SESSION_NUMBER": "七"}, "「研修の回」の「七」は 1 以上の数字"),
        ({"SPEAKERS": "山田 太郎"}, "「Teams での名前=役割」の形"),
        ({"RECORDING_URL": "{base}rec/missing.mp4"}, "サーバーの応答 404"),
    ],
)
def test_bad_answers_are_explained_and_change_nothing(
    repo: Path, tmp_path: Path, server: str, change: dict[str, str], expected: str
) -> None:
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    env = _env(server, **{k: v.replace("{base}", server) for k, v in change.items()})
    code, summary = run(env, repo, tmp_path)
    assert code != 0
    assert "公開できませんでした" in summary and expected in summary
    assert sorted(p.relative_to(repo) for p in repo.rglob("*")) == before


def test_workflow_pins_actions_and_keeps_answers_out_of_scripts() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    inputs = workflow[True]["workflow_dispatch"]["inputs"]  # YAML 1.1 reads "on" as True
    assert {"number", "track", "recording_url", "transcript_url", "speakers"} <= set(inputs)
    assert {"slides_url", "chapters_url"} <= set(inputs)
    assert inputs["track"]["options"] == ["hands-on", "dx-mindset"]
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), (action, comment)
    steps = workflow["jobs"]["publish"]["steps"]
    for step in steps:
        assert "${{ inputs." not in step.get("run", ""), step.get("name")
        assert "${{ github.event.inputs" not in step.get("run", "")
