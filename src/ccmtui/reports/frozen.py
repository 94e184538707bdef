"""Frozen reports: a report's figures kept with their provenance, explained, and compared with today's data.

Each figure of a report is stored with the rule that produced it (the Convention's articles), the
day it is as of, the states it counts and the tables whose records decide it (`register_figures`
here; every figure of a progress report in frozen_figures.py). `explain` says how a figure came
about; `diff` recomputes the figures for the same day on the data as it is now, and for each figure
that changed names the states that came in or went out and the change sets (a record added, edited
or deleted since the report was frozen: the state's own, or its category, obligation, reply…) that
touched them: the corrigendum.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from ccmtui.db.ids import short, stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.treaty import Status
from ccmtui.domain.words import plural

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

SHOWN_STATES = 12
SHOWN_REASONS = 20
# What one record of a table is, in a corrigendum's reasons.
RECORDS = {
    "states": "record",
    "classifications": "category",
    "obligations": "obligation",
    "obligation_extensions": "extension",
    "engagements": "engagement",
    "engagement_states": "engagement",
    "replies": "reply",
    "retention": "retention figures",
    "cooperation_reports": "cooperation report",
    "transparency_reports": "Article 7 report",
    "national_measures": "national measure",
}


@dataclass
class Figure:
    id: str
    label: str
    value: int
    rule: str
    as_of: date
    states: list[str]  # ISO3 codes
    names: list[str]  # the states' names, in the same order
    tables: list[str] = field(default_factory=lambda: ["states"])  # whose records decide it

    def as_json(self) -> dict:
        return {**asdict(self), "as_of": self.as_of.isoformat()}

    @staticmethod
    def from_json(data: dict) -> Figure:
        return Figure(**{**data, "as_of": date.fromisoformat(data["as_of"])})


def register_figures(register: Register, as_of: date, since: date, since_label: str) -> list[Figure]:
    """The register's figures of a report (States Parties, in force, pending, signatories, joined),
    each with its rule and its states."""
    now = register.on(as_of)

    def figure(id_: str, label: str, rule: str, keep) -> Figure:
        chosen = [s for s in now if keep(s)]
        return Figure(id_, label, len(chosen), rule, as_of, [s.iso3 for s in chosen], [s.name for s in chosen])

    parties = treaty.STATES_PARTIES_INCLUDING_PENDING
    return [
        figure(
            "states-parties",
            "States Parties",
            "party or pending on that date: an instrument of ratification, acceptance, approval or accession "
            "deposited (Art. 16), in force from the first day of the sixth month after (Art. 17), "
            "no withdrawal in effect (Art. 20)",
            lambda s: s.status in parties,
        ),
        figure(
            "in-force",
            "States Parties for which the Convention is in force",
            "in force on that date (Art. 17)",
            lambda s: s.status is Status.PARTY,
        ),
        figure(
            "pending",
            "States Parties awaiting entry into force",
            "instrument deposited, entry into force still to come (Art. 17(2))",
            lambda s: s.status is Status.PENDING,
        ),
        figure(
            "signatories",
            "Signatories yet to ratify",
            "signed (Art. 15), no instrument deposited on that date",
            lambda s: s.status is Status.SIGNATORY,
        ),
        figure(
            "joined-since",
            f"States that joined since {since_label}",
            f"instrument deposited after {since.isoformat()} and on or before that date (Art. 16)",
            lambda s: s.deposited is not None and since < s.deposited <= as_of and s.status in parties,
        ),
    ]


def figures_json(figures: list[Figure]) -> str:
    return json.dumps([f.as_json() for f in figures], ensure_ascii=False)


def figures_from_json(text: str) -> list[Figure]:
    return [Figure.from_json(item) for item in json.loads(text)]


def _names(names: list[str]) -> str:
    if len(names) <= SHOWN_STATES:
        return ", ".join(names)
    return ", ".join(names[:SHOWN_STATES]) + f" and {len(names) - SHOWN_STATES} more"


def explain(figure: Figure, every: bool = False) -> str:
    """'86 States Parties as of 2014-06-30: party or pending on that date (…). Afghanistan, Albania, …'."""
    names = ", ".join(figure.names) if every else _names(figure.names)
    return f"{figure.value} {figure.label} as of {figure.as_of.isoformat()}: {figure.rule}." + (
        f" {names}." if names else ""
    )


@dataclass
class Reason:
    changeset: str
    made_at: datetime
    made_by: str | None
    command: str
    action: str
    state: str
    table: str = "states"

    @property
    def text(self) -> str:
        verb = {"insert": "added", "update": "edited", "delete": "deleted"}.get(self.action, self.action)
        by = f" by {self.made_by}" if self.made_by else ""
        what = RECORDS.get(self.table, self.table.replace("_", " ").rstrip("s"))
        whose = f"{self.state}'s {what}" if self.state else f"{'an' if what[0] in 'aeiouAEIOU' else 'a'} {what}"
        return (
            f"{whose} {verb} on {self.made_at.date().isoformat()}{by}, "
            f"change set {short(self.changeset)} ({self.command})"
        )


@dataclass
class FigureChange:
    figure: Figure
    now: Figure
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)


def diff(reader: Reader, frozen: list[Figure], current: list[Figure], frozen_at: datetime) -> list[FigureChange]:
    """The figures whose value or states differ today, with the change sets since `frozen_at` behind each."""
    now = {f.id: f for f in current}
    changes = []
    logged: dict[tuple[str, ...], list] = {}
    for figure in frozen:
        today = now.get(figure.id)
        if today is None or (set(today.states) == set(figure.states) and today.value == figure.value):
            continue
        names = dict(zip(figure.states, figure.names)) | dict(zip(today.states, today.names))
        added = [i for i in today.states if i not in set(figure.states)]
        removed = [i for i in figure.states if i not in set(today.states)]
        moved = added + removed
        by_uuid = {stable_uuid("state", iso3): names[iso3] for iso3 in moved}
        rows = reader.rows(Q.changes_touching_since, records=list(by_uuid), after=frozen_at) if moved else []
        reasons = [
            Reason(r.uuid, r.made_at, r.made_by, r.command, r.action, by_uuid.get(r.record_uuid, r.record_uuid))
            for r in rows
        ]
        # The other records that decide the figure (a category, an obligation, a reply): those of the
        # states that moved, or, for a count without states, every change to them since.
        others = tuple(t for t in figure.tables if t != "states")
        if others:
            if others not in logged:
                logged[others] = reader.rows(Q.changes_to_tables_since, tables=list(others), after=frozen_at)
            seen = set()
            for r in logged[others]:
                state = _state_of(r) if moved else None
                if moved and state not in names:
                    continue
                if (r.uuid, state) in seen:  # one reason per change set and state
                    continue
                seen.add((r.uuid, state))
                name = names[state] if state else ""
                reasons.append(Reason(r.uuid, r.made_at, r.made_by, r.command, r.action, name, r.table_name))
        changes.append(FigureChange(figure, today, [names[i] for i in added], [names[i] for i in removed], reasons))
    return changes


def _state_of(row) -> str | None:
    """The state a logged record belongs to (its `iso3`, before or after the change)."""
    for values in (row.after, row.before):
        if values:
            try:
                iso3 = json.loads(values).get("iso3")
            except (ValueError, AttributeError):
                continue
            if iso3:
                return iso3
    return None


def corrigendum(name: str, title: str, as_of: date, frozen_at: datetime, changes: list[FigureChange]) -> str:
    """The corrigendum as Markdown: each changed figure, before and after, and why."""
    from ccmtui.reports.export_markdown import escape

    out = [
        f"# Corrigendum to {escape(title)}",
        "",
        f"Report {escape(name)}, as of {as_of.isoformat()}, frozen on {frozen_at.date().isoformat()}.",
        "",
    ]
    if not changes:
        out += ["No figure has changed: the data today gives the figures as circulated.", ""]
        return "\n".join(out)
    out += [f"{plural(len(changes), 'figure')} changed.", ""]
    for change in changes:
        out += [f"## {escape(change.figure.label)}: {change.figure.value} → {change.now.value}", ""]
        if change.added:
            out.append(f"- Now counted: {escape(', '.join(change.added))}.")
        if change.removed:
            out.append(f"- No longer counted: {escape(', '.join(change.removed))}.")
        if change.reasons:
            out += [f"- Why: {escape(reason.text)}." for reason in change.reasons[:SHOWN_REASONS]]
            if len(change.reasons) > SHOWN_REASONS:
                out.append(f"- And {plural(len(change.reasons) - SHOWN_REASONS, 'more change')} (ccm journal).")
        else:
            out.append(
                "- Why: no change set since the report was frozen touched these states (a rule or the register's reference data changed)."
            )
        out.append("")
    return "\n".join(out)
