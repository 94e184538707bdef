"""The app's sections, in the order the navigation bar shows them."""

from __future__ import annotations

from typing import NamedTuple


class Section(NamedTuple):
    mode: str
    title: str
    key: str
    help: str
    short: str  # the navigation bar's label at 80 columns


SECTIONS = (
    Section("dashboard", "Dashboard", "d", "The register's figures today, what is due, recent work", "Dash"),
    Section("due", "Due", "u", "Everything due: follow-ups, replies long pending, treaty deadlines", "Due"),
    Section("states", "States", "s", "All 197 states: status, treaty dates, category; filters", "States"),
    Section("log", "Log", "l", "Log an engagement: démarche, meeting, letter, note verbale…", "Log"),
    Section("engagements", "Engagements", "e", "Every engagement, newest first; filters and search", "Engage"),
    Section("campaigns", "Campaigns", "c", "Campaigns and their replies; record a reply", "Camps"),
    Section("workplan", "Work plan", "w", "Work plans and milestones; the quarterly summary", "Work"),
    Section("summary", "Summary", "m", "A thematic area's figures as of a day, and changes since a meeting", "Summary"),
    Section("changes", "Changes", "h", "Recent changes, who made them; undo the last one", "Changes"),
)
