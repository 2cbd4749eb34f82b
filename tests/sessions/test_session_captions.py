"""Captions: WebVTT, SRT and Teams transcripts in, clean WebVTT out; broken files named."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardsite.errors import SiteInputError
from wardsite.sessions.captions import (
    check_against_duration,
    overlap_warnings,
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
        (
            "WEBVTT\n\n00:00:05.000 --> 00:00:02.000\n逆さま\n",
            "終わりの時刻（00:00:02）が始まりより前",
        ),
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


def _vtt(cues: list[tuple[float, float, str]]) -> str:
    def clock(t: float) -> str:
        ms = round(t * 1000)
        return (
            f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"
        )

    return "WEBVTT\n\n" + "".join(f"{clock(a)} --> {clock(b)}\n{t}\n\n" for a, b, t in cues)


def test_zero_length_cue_is_described_as_zero_length() -> None:
    """Failed before: a zero-length cue was called 'end before start'."""
    with pytest.raises(SiteInputError) as err:
        parse_captions("WEBVTT\n\n00:00:03.000 --> 00:00:03.000\n一瞬\n", name="z.vtt")
    assert "長さが0秒" in str(err.value) and "より前" not in str(err.value)


def test_cue_ending_25_seconds_after_the_video_is_rejected() -> None:
    """Failed before: only cues starting after the end were caught."""
    cues = parse_captions(
        _vtt([(50.0, 85.0 - 30, "前半"), (58.0, 85.0, "遅い終わり")]), name="x.vtt"
    )
    with pytest.raises(SiteInputError) as err:
        check_against_duration(cues, 60.0, "x.vtt")
    assert "00:01:25 まで続きます" in str(err.value) and "00:01:00 で終わります" in str(err.value)
    check_against_duration(cues[:1], 60.0, "x.vtt")  # ending on time is fine
    check_against_duration(parse_captions(_vtt([(58.0, 61.5, "丸め")]), name="y"), 60.0, "y")


def test_huge_caption_file_is_refused_by_size(tmp_path: Path) -> None:
    """Failed before: a 5 MB file with 52,651 cues was accepted silently."""
    path = tmp_path / "huge.vtt"
    path.write_text(
        _vtt([(i * 0.1, i * 0.1 + 0.1, "あいうえおかきくけこ" * 3) for i in range(52_651)])
    )
    assert path.stat().st_size > 5_000_000
    with pytest.raises(SiteInputError) as err:
        read_captions(path)
    assert "大きすぎます" in str(err.value) and "MB" in str(err.value)


def test_too_many_cues_are_refused_with_the_count() -> None:
    text = _vtt([(i * 1.0, i * 1.0 + 0.5, "あ") for i in range(6_000)])
    assert len(text.encode()) < 2_000_000
    with pytest.raises(SiteInputError) as err:
        parse_captions(text, name="many.vtt")
    assert "6,000 件" in str(err.value) and "上限 5,000 件" in str(err.value)


def test_a_three_hour_transcript_is_within_the_limits() -> None:
    cues = [
        (i * 3.6, i * 3.6 + 3.4, "はい、それでは次の画面を開いてください。" * 2)
        for i in range(3000)
    ]
    assert len(parse_captions(_vtt(cues), name="3h.vtt")) == 3000


@pytest.mark.parametrize(
    ("cue", "expected"),
    [((0.0, 75.0, "長い"), "75 秒続きます"), ((0.0, 5.0, "あ" * 600), "600 文字あります")],
)
def test_overlong_cue_is_refused(cue: tuple[float, float, str], expected: str) -> None:
    with pytest.raises(SiteInputError, match=expected):
        parse_captions(_vtt([cue]), name="long.vtt")


def test_overlapping_cues_are_warned_about_not_refused() -> None:
    cues = parse_captions(_vtt([(0.0, 3.0, "一"), (2.0, 4.0, "二"), (5.0, 6.0, "三")]), name="o")
    (note,) = overlap_warnings(cues, "o.vtt")
    assert "00:00:02 の字幕が、前の字幕（00:00:00〜00:00:03）と重なっています" in note
    assert overlap_warnings(cues[1:], "o.vtt") == []


def test_library_messages_are_told_in_japanese() -> None:
    """Failed before: the message carried webvtt-py's English text."""
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nよい\n00:00:03.000 --> 00:00:04.000\n空行なし\n"
    )
    with pytest.raises(SiteInputError) as err:
        parse_captions(text, name="b.vtt")
    message = str(err.value)
    assert "Invalid" not in message and "ライブラリ" not in message
    assert "00:00:03.000 --> 00:00:04.000" in message
