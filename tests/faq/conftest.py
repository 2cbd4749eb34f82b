"""Fixtures: the local helpdesk (``wardsite_ops.faqdesk``) as a real process on 127.0.0.1."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from typing import Any

import pytest

from support.faqdesk import Helpdesk, running_helpdesk

TEST_TIMEOUT_S = 60


@pytest.fixture(autouse=True)
def _hard_timeout() -> Iterator[None]:
    """Abort any single test after TEST_TIMEOUT_S seconds (no pytest-timeout needed)."""

    def fail(signum: int, frame: Any) -> None:
        raise TimeoutError(f"test took longer than {TEST_TIMEOUT_S} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(TEST_TIMEOUT_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="session")
def devserver() -> Iterator[str]:
    with running_helpdesk() as desk:
        yield desk.base_url


@pytest.fixture
def helpdesk(devserver: str) -> Helpdesk:
    desk = Helpdesk(devserver)
    desk.post("/_reset")
    return desk


@pytest.fixture
def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
