"""The progress report as a plain document model: blocks, footnotes and annexes, and the builder that fills them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ccmtui.reports.summary import Period

DRAFT = "For the thematic coordinators to draft."


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote reference inside a paragraph."""

    number: int


@dataclass
class TableSpec:
    title: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class ChartSpec:
    """A bar chart: one bar per item, drawn as text or as a PNG."""

    title: str
    items: list[tuple[str, float]]
    note: str = ""


@dataclass
class Block:
    kind: str  # title, subtitle, byline, heading1, heading2, heading3, paragraph, draft, table, chart
    runs: list = field(default_factory=list)  # str and Note
    table: TableSpec | None = None
    chart: ChartSpec | None = None

    @property
    def text(self) -> str:
        return "".join(run for run in self.runs if isinstance(run, str))


@dataclass
class ProgressReport:
    """A filled-in progress report: blocks in reading order, footnotes, and the annexes."""

    period: Period
    title: str
    aggregate_only: bool
    body: list[Block]
    footnotes: list[str]
    annexes: list[Block]


class Document:
    def __init__(self, aggregate_only: bool):
        self.aggregate_only = aggregate_only
        self.blocks: list[Block] = []
        self.footnotes: list[str] = []

    def add(self, kind: str, *runs) -> None:
        self.blocks.append(Block(kind, [r for r in runs if r not in ("", None)]))

    def paragraph(self, *runs) -> None:
        self.add("paragraph", *runs)

    def note(self, names: list[str]):
        """A footnote naming the states behind a figure (none in an aggregate-only report)."""
        if self.aggregate_only or not names:
            return None
        self.footnotes.append(", ".join(names) + ".")
        return Note(len(self.footnotes))

    def challenges(self, meeting: str) -> None:
        self.add("heading3", f"Challenges and questions for discussion at the {meeting}")
        self.add("draft", DRAFT)
