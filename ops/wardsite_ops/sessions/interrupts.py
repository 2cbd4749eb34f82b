"""Ctrl+C, ``kill`` and a closed terminal stop the publish command cleanly.

SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` in the main thread, so
every ``finally`` (removing the staging folder, stopping ffmpeg) runs, and the
command prints a Japanese message instead of a traceback. Inside
:func:`Guard.deferred` (the few file moves that put a publication in place) a
signal waits until the block is done, so the repository is either exactly as
before or completely updated, never half-written.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

#: How people would describe each signal.
_NAMES = {
    "SIGINT": "Ctrl+C が押されました",
    "SIGTERM": "終了の指示（SIGTERM）を受けました",
    "SIGHUP": "画面（ターミナル）が閉じられました",
}


class Interrupted(BaseException):
    """The command was asked to stop; ``signum`` says how."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(describe(signum))

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as shells report a process stopped by a signal."""
        return 128 + self.signum


def describe(signum: int) -> str:
    try:
        return _NAMES.get(signal.Signals(signum).name, f"シグナル {signum} を受けました")
    except ValueError:
        return f"シグナル {signum} を受けました"


@dataclass
class Guard:
    """Turns the signals into Interrupted while installed (see :func:`installed`)."""

    deferring: int = 0
    pending: int | None = None
    _previous: dict[int, object] = field(default_factory=dict)

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.deferring:
            self.pending = self.pending or signum
            return
        raise Interrupted(signum)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Signals received inside wait until the block has finished."""
        self.deferring += 1
        try:
            yield
        finally:
            self.deferring -= 1
        if not self.deferring and self.pending is not None:
            signum, self.pending = self.pending, None
            raise Interrupted(signum)


@contextmanager
def installed() -> Iterator[Guard]:
    """Install the handlers for the block (main thread only) and restore the old ones."""
    guard = Guard()
    for sig in SIGNALS:
        guard._previous[sig] = signal.signal(sig, guard._handle)
    try:
        yield guard
    finally:
        for sig, previous in guard._previous.items():
            signal.signal(sig, previous)  # type: ignore[arg-type]


@contextmanager
def nothing_deferred() -> Iterator[None]:
    """Stand-in for Guard.deferred when no guard is installed (library use, tests)."""
    yield
