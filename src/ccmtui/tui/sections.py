"""The app's sections, in the order the navigation bar shows them."""

from __future__ import annotations

from typing import NamedTuple

# The app's widths (columns): narrow terminals get shorter labels and fewer side panels; the
# dashboard's "Contact next" panel shows from ROOMY columns.
WIDE = 100
ROOMY = 140


class Section(NamedTuple):
    mode: str
    title: str
    key: str
    help: str
    short: str  # the navigation bar's label at 80 columns


SECTIONS = (
    Section("dashboard", "Dashboard", "1", "The register's figures today, what is due, recent work", "Dash"),
    Section("due", "Due", "2", "Everything due: follow-ups, replies long pending, treaty deadlines", "Due"),
    Section("states", "States", "3", "All 197 states: status, treaty dates, category; filters", "States"),
    Section("log", "Log", "4", "Log an engagement: démarche, meeting, letter, note verbale…", "Log"),
    Section("engagements", "Engagements", "5", "Every engagement, newest first; filters and search", "Eng"),
    Section("campaigns", "Campaigns", "6", "Campaigns and their replies; record a reply", "Camp"),
    Section("workplan", "Work plan", "7", "Work plans and milestones; the quarterly summary", "Work"),
    Section("summary", "Summary", "8", "A thematic area's figures as of a day, and changes since a meeting", "Sum"),
    Section("changes", "Changes", "9", "Recent changes, who made them; undo the last one", "Chg"),
)
