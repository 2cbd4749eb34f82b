"""Captions: WebVTT, SRT and Teams transcripts in, clean WebVTT out; broken files named."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardsite.errors import SiteInputError
from wardsite.sessions.captions import (
    check_against_duration,
    parse_captions,
    read_captions,
    to_webvtt,
)

TEAMS = """WEBVTT

3f2a1b7c-aaaa-bbbb-cccc-1234567890ab/12-0
00:00:01.000 --> 00:00:03.500
<v 山田 太郎>皆さん、こんにちは。&amp; テレワークの話です。</v>

3f2a1b7c-aaaa-bbbb-cccc-1234567890ab/13-0
00:00:03.600 --> 00:00:05.000
<v 佐藤 花子>質問です。</v>
"""

SRT = """1
00:00:01,000 --> 00:00:02,000
<i>こんにちは</i>

2
00:00:02,500 --> 00:00:04,000
二行目
です
"""


def test_teams_transcript_maps_speakers_to_roles_and_drops_other_names() -> None:
    cues = parse_captions(TEAMS, name="t.vtt", speakers={"山田 太郎": "講師"})
    assert [c.speaker for c in cues] == ["講師", None]
    assert cues[0].text == "皆さん、こんにちは。& テレワークの話です。"
    assert [c.id for c in cues] == ["c0001", "c0002"]
    out = to_webvtt(cues)
    assert out.startswith("WEBVTT")
    assert "山田" not in out and "佐藤" not in out
    assert "<v 講師>" in out and "&amp;" in out


def test_already_clean_file_keeps_its_speaker_labels() -> None:
    clean = to_webvtt(parse_captions(TEAMS, name="t.vtt", speakers={"山田 太郎": "講師"}))
    assert [c.speaker for c in parse_captions(clean, name="clean.vtt")] == ["講師", None]


def test_srt_is_converted_and_round_trips() -> None:
    cues = parse_captions(SRT, name="a.srt", suffix=".srt")
    assert [(c.start, c.end, c.text) for c in cues] == [
        (1.0, 2.0, "こんにちは"),
        (2.5, 4.0, "二行目\nです"),
    ]
    again = parse_captions(to_webvtt(cues), name="again.vtt")
    assert [(c.start, c.end, c.text) for c in again] == [(c.start, c.end, c.text) for c in cues]


def test_shift_jis_srt_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "sjis.srt"
    path.write_bytes(SRT.encode("cp932"))
    assert read_captions(path)[0].text == "こんにちは"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("これは字幕ではありません", "WebVTT"),
        ("WEBVTT\n\n00:00:xx.000 --> 00:00:02.000\n壊れた時刻\n", "書き方が正しくありません"),
        ("WEBVTT\n\nNOTE 中身がない\n", "1つもありません"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\n逆さま\n", "終わりの時刻が始まりより前"),
    ],
)
def test_broken_captions_give_a_japanese_message_naming_the_file(text: str, expected: str) -> None:
    with pytest.raises(SiteInputError) as err:
        parse_captions(text, name="rec.vtt")
    assert err.value.file == "rec.vtt"
    assert err.value.field == "字幕ファイル"
    assert expected in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SiteInputError, match="見つかりません"):
        read_captions(tmp_path / "nothing.vtt")


def test_captions_past_the_end_of_the_video() -> None:
    cues = parse_captions("WEBVTT\n\n00:10:00.000 --> 00:10:02.000\n遅い\n", name="x.vtt")
    with pytest.raises(SiteInputError, match="別の録画"):
        check_against_duration(cues, 60.0, "x.vtt")
