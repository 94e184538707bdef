"""Messages the app's parts send each other (attributes go down, messages go up)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class DataChanged(Message):
    """A write succeeded: screens showing data reload when they are next shown."""

    what: str


@dataclass
class DashboardReady(Message):
    """Every dashboard panel shows real figures."""

    seconds: float
