"""ffprobe / ffmpeg wrappers: probe a video, make it browser-safe, take a poster frame.

Browser-safe means what every current browser plays natively: MP4 with H.264
video (yuv420p) and AAC audio, with the index at the front (``+faststart``) so
playback and seeking start before the whole file has arrived.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wardsite.errors import SiteInputError
from wardsite.filecache import StatCache
from wardsite.oserrors import describe_os_error

FIELD = "動画ファイル"

#: Containers ffprobe reports for MP4 files.
_MP4_FORMATS = {"mov,mp4,m4a,3gp,3g2,mj2"}

#: Output settings: small enough for the ward's network, sharp enough for screen shares.
X264_ARGS = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p"]
AAC_ARGS = ["-c:a", "aac", "-b:a", "96k", "-ac", "2"]
# Same input, same bytes: keeps git diffs of the committed sample clips empty.
BITEXACT_ARGS = [
    "-map_metadata",
    "-1",
    "-fflags",
    "+bitexact",
    "-flags:v",
    "+bitexact",
    "-flags:a",
    "+bitexact",
]


class ToolMissingError(RuntimeError):
    """ffmpeg or ffprobe is not installed."""

    def __init__(self, tool: str) -> None:
        self.tool = tool
        super().__init__(
            f"{tool} が見つかりません。ffmpeg を入れてください"
            "（Debian/Ubuntu: sudo apt-get install ffmpeg、Windows: ヘルプデスクに依頼）。"
        )


class ConversionError(RuntimeError):
    """ffmpeg ran but failed; the message carries the end of its log."""


@dataclass(frozen=True)
class ProbeResult:
    duration: float  # seconds
    format_name: str
    video_codec: str | None
    audio_codec: str | None
    width: int | None
    height: int | None
    pix_fmt: str | None

    @property
    def browser_safe_codecs(self) -> bool:
        """H.264 (8-bit 4:2:0) + AAC (or no audio) in an MP4 container."""
        return (
            self.format_name in _MP4_FORMATS
            and self.video_codec == "h264"
            and self.pix_fmt in ("yuv420p", "yuvj420p")
            and self.audio_codec in ("aac", None)
        )


def tool(name: str) -> str:
    """Full path of ffmpeg/ffprobe, or ToolMissingError."""
    found = shutil.which(name)
    if not found:
        raise ToolMissingError(name)
    return found


def probe(path: Path, display_name: str | None = None) -> ProbeResult:
    """Read length and codecs with ffprobe; SiteInputError when it is not a playable video.

    The answer is kept while the file's size and modification time stay the
    same (``mkdocs serve`` rebuilds, each language's build).
    """
    return _PROBED.get(path, display_name)


def _probe(path: Path, display_name: str | None = None) -> ProbeResult:
    name = display_name or str(path)
    if not path.is_file():
        raise SiteInputError(
            name, FIELD, "が見つかりません。", "ファイルの場所と名前を確かめてください。"
        )
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise SiteInputError(
            name,
            FIELD,
            f"を読み込めません（{describe_os_error(exc)}）。",
            "ファイルの権限を確かめてください。",
        ) from None
    result = subprocess.run(
        [
            tool("ffprobe"),
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    data = json.loads(result.stdout or "{}") if result.returncode == 0 else {}
    streams = data.get("streams", [])
    video = next(
        (
            s
            for s in streams
            if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
        ),
        None,
    )
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    try:
        duration = float(data.get("format", {}).get("duration", "nan"))
    except ValueError:
        duration = float("nan")
    if result.returncode != 0 or video is None or not duration > 0:
        raise SiteInputError(
            name,
            FIELD,
            "を動画として読み取れません（壊れているか、動画ではないファイルです）。",
            "録画ファイルをもう一度ダウンロードし、パソコンで再生できるか確かめてください。",
        )
    return ProbeResult(
        duration=duration,
        format_name=data["format"].get("format_name", ""),
        video_codec=video.get("codec_name"),
        audio_codec=audio.get("codec_name") if audio else None,
        width=video.get("width"),
        height=video.get("height"),
        pix_fmt=video.get("pix_fmt"),
    )


class TruncatedError(SiteInputError):
    """The file's header promises more than its data holds (a partial download)."""


#: How much shorter than its header a recording may decode (rounding, a last
#: frame); a partly downloaded file is short by minutes, not by a second.
TRUNCATION_TOLERANCE = 1.0


_PROBED: StatCache[ProbeResult] = StatCache(_probe)


def decoded_duration(
    path: Path,
    info: ProbeResult,
    display_name: str | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> float:
    """Decode the whole file (video and audio) and return its real length in seconds.

    The header of a partly downloaded MP4 still gives the full length, so
    ffprobe alone believes it; decoding to the end shows where the data stops.
    Raises TruncatedError when the decoded length falls short of the header
    (beyond TRUNCATION_TOLERANCE) or ffmpeg cannot read to the end.
    """
    name = display_name or str(path)
    args = ["-i", str(path), "-map", "0:v:0", "-map", "0:a:0?", "-f", "null", "-"]
    try:
        decoded = _run_with_progress(args, info.duration, on_progress)
    except ConversionError:
        decoded = 0.0
    if decoded < info.duration - TRUNCATION_TOLERANCE:
        raise TruncatedError(
            name,
            FIELD,
            f"は途中までしかありません（ファイルの見出しでは {_clock(info.duration)} ですが、"
            f"再生できるのは {_clock(decoded)} までです）。ダウンロードが途中で止まったか、"
            "ファイルが壊れています。",
            "録画ファイルをもう一度ダウンロードし、最後まで再生できるか確かめてから"
            "やり直してください。何も変更していません。",
        )
    return min(decoded, info.duration) if decoded > 0 else info.duration


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _run_with_progress(
    args: list[str], duration: float, on_progress: Callable[[float], None] | None
) -> float:
    """Run ffmpeg with ``-progress pipe:1``, report seconds done to ``on_progress``.

    Returns the last position ffmpeg reported (the length it wrote or decoded).
    """
    cmd = [
        tool("ffmpeg"),
        "-hide_banner",
        "-nostdin",
        "-nostats",
        "-loglevel",
        "error",
        "-progress",
        "pipe:1",
        *args,
    ]
    position = 0.0
    # stderr goes to a file, not a pipe: a long log cannot fill the pipe and
    # stall ffmpeg while we read its progress from stdout.
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as log_file,
        subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=log_file,
            text=True,
            errors="replace",
        ) as proc,
    ):
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                key, _, value = line.strip().partition("=")
                # out_time_us is the current position; older builds name it out_time_ms.
                if key in ("out_time_us", "out_time_ms") and value.isdigit():
                    position = max(position, int(value) / 1_000_000)
                    if on_progress:
                        on_progress(min(position, duration))
                elif key == "progress" and value == "end" and on_progress:
                    on_progress(min(position, duration))
        except BaseException:
            # Interrupted (a signal, see wardsite_ops.sessions.interrupts): stop ffmpeg now rather
            # than wait for it to finish writing a file that is thrown away.
            proc.kill()
            raise
        code = proc.wait()
        log_file.seek(0)
        log = log_file.read()
    if code != 0:
        tail = "\n".join(log.strip().splitlines()[-5:])
        raise ConversionError(f"ffmpeg が失敗しました（終了コード {code}）。\n{tail}")
    return position


def make_browser_safe(
    source: Path,
    dest: Path,
    info: ProbeResult,
    on_progress: Callable[[float], None] | None = None,
    *,
    max_height: int = 1080,
) -> bool:
    """Write ``dest`` as H.264/AAC MP4 with +faststart; return True when re-encoded.

    Already browser-safe input is only remuxed (fast, no quality loss) so the
    index moves to the front; anything else is converted.
    """
    convert = not info.browser_safe_codecs or (info.height or 0) > max_height
    args = ["-y", "-i", str(source), "-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn"]
    if convert:
        scale = f"scale=-2:'min({max_height},ih)'"
        args += ["-vf", scale, *X264_ARGS, *AAC_ARGS]
    else:
        args += ["-c", "copy"]
    args += [*BITEXACT_ARGS, "-movflags", "+faststart", "-f", "mp4", str(dest)]
    _run_with_progress(args, info.duration, on_progress)
    return convert


def make_poster(video: Path, dest: Path, duration: float) -> None:
    """Write a JPEG still from early in the video (past any black fade-in)."""
    at = min(max(duration * 0.1, 0.0), 5.0)
    result = subprocess.run(
        [
            tool("ffmpeg"),
            "-hide_banner",
            "-nostdin",
            "-loglevel",
            "error",
            "-y",
            "-ss",
            f"{at:.3f}",
            "-i",
            str(video),
            "-frames:v",
            "1",
            "-q:v",
            "4",
            *BITEXACT_ARGS[:4],
            str(dest),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not dest.is_file():
        raise ConversionError(f"ポスター画像を作れませんでした。\n{result.stderr.strip()[-400:]}")


def progress_bar(total: float, label: str) -> tuple[Callable[[float], None], Callable[[], None]]:
    """A tqdm bar counting seconds of video; returns (update, close)."""
    from tqdm import tqdm

    bar = tqdm(
        total=round(total, 1),
        desc=label,
        unit="秒",
        ncols=80,
        bar_format="{desc} {percentage:3.0f}%|{bar}| {n:.0f}/{total:.0f} 秒",
    )
    done = [0.0]

    def update(seconds: float) -> None:
        step = round(seconds - done[0], 1)
        if step > 0:
            bar.update(step)
            done[0] += step

    return update, bar.close
