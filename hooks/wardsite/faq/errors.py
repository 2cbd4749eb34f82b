"""Errors of the FAQ pull, with Japanese messages for the build log."""

from __future__ import annotations

from wardsite.errors import SiteInputError


class FaqSourceError(Exception):
    """The helpdesk could not be read (network, HTTP status, bad JSON, too large).

    ``reason`` is a short Japanese sentence for the build log and the staleness note.
    It never contains the access token. ``kind`` is ``"unreachable"`` (network,
    timeout, HTTP error) or ``"bad-data"`` (the helpdesk answered, but not usably).
    """

    def __init__(self, reason: str, kind: str = "unreachable") -> None:
        self.reason = reason
        self.kind = kind
        super().__init__(reason)


class FaqEntryError(SiteInputError):
    """One FAQ entry is invalid; the pull skips it and names its id in a warning."""

    def __init__(self, source: str, entry_id: str, field: str, problem: str) -> None:
        self.entry_id = entry_id
        super().__init__(
            source,
            f"FAQ {entry_id} の {field}",
            problem,
            "ヘルプデスクのシステムでこの FAQ を直してください（この FAQ は今回は公開しません）。",
        )


class FaqStrictError(SiteInputError):
    """Strict mode: the pull failed, so the build must stop instead of publishing old data."""

    def __init__(self, source: str, reason: str) -> None:
        self.reason = reason
        super().__init__(
            source,
            "faq.strict",
            "が有効なため、ビルドを止めました。"
            f"ヘルプデスクから FAQ を取得できませんでした：{reason}",
            "ヘルプデスクの状態を確かめて再実行するか、"
            "strict を外して前回の内容で公開してください。",
        )
