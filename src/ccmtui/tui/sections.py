"""The app's sections, in the order the navigation bar shows them."""

from __future__ import annotations

from typing import NamedTuple


class Section(NamedTuple):
    mode: str
    title: str
    key: str
    help: str


SECTIONS = (
    Section("dashboard", "Dashboard", "d", "The register's figures today, what is due, recent work"),
    Section("states", "States", "s", "All 197 states: status, treaty dates, category; filters"),
    Section("log", "Log", "l", "Log an engagement: démarche, meeting, letter, note verbale…"),
    Section("engagements", "Engagements", "e", "Every engagement, newest first, by page; filters"),
    Section("campaigns", "Campaigns", "c", "Campaigns and their replies; record a reply"),
    Section("workplan", "Work plan", "w", "Work plans and milestones; the quarterly summary"),
    Section("summary", "Summary", "m", "A thematic area's figures as of a day, and changes since a meeting"),
    Section("changes", "Changes", "h", "Recent changes, who made them; undo the last one"),
)
