"""The report's annexes: one table and one chart per thematic area."""

from __future__ import annotations

from datetime import date

from ccmtui.domain.obligations import MEASURE_STATUSES
from ccmtui.reports.progress.context import Context
from ccmtui.reports.progress.document import Block, ChartSpec, TableSpec
from ccmtui.reports.progress.wording import long_date


def build_annexes(ctx: Context, s: dict) -> list[Block]:
    tables = [
        _universalization_table(ctx, s["universalization"]),
        _obligations_table(ctx, s["stockpile-destruction"], "Stockpile destruction"),
        _obligations_table(ctx, s["clearance"], "Clearance"),
        _victim_assistance_table(ctx, s["victim-assistance"]),
        _cooperation_table(ctx, s["cooperation"]),
        _transparency_table(s["transparency"]),
        _measures_table(ctx, s["national-implementation"]),
    ]
    blocks = [Block("heading1", ["Annex 1: Tables outlining progress updates in the various thematic areas"])]
    blocks += [Block("table", table=t) for t in tables]
    blocks.append(Block("heading1", ["Annex 2: Graphs outlining progress updates in the various thematic areas"]))
    blocks += [Block("chart", chart=c) for c in _charts(ctx, s)]
    return blocks


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _universalization_table(ctx: Context, u) -> TableSpec:
    title = f"Universalisation: ratifications and accessions since {ctx.since_text}"
    if ctx.aggregate_only or not u.joined:
        rows = [
            [
                region,
                str(sum(1 for j in u.ratified if j.region == region)),
                str(sum(1 for j in u.acceded if j.region == region)),
            ]
            for region in sorted({j.region for j in u.joined})
        ]
        rows.append(["Total", str(len(u.ratified)), str(len(u.acceded))])
        return TableSpec(title, ["Region", "Ratified", "Acceded"], rows)
    return TableSpec(
        title,
        ["State", "Region", "Instrument", "Deposited", "Entry into force"],
        [[j.name, j.region, j.instrument, _day(j.deposited), _day(j.entry_into_force)] for j in u.joined],
    )


STANDING_LABELS = {
    "completed": "completed",
    "current": "current",
    "undetermined": "completed, date not recorded",
    "no stockpile reported": "reported holding no stockpile",
    "uncertain": "uncertain",
}


def _obligations_table(ctx: Context, summary, name: str) -> TableSpec:
    title = f"{name}: States Parties with Article {summary.article} obligations on {long_date(ctx.period.as_of)}"
    if ctx.aggregate_only:
        counts: dict[str, int] = {}
        for line in summary.lines:
            label = STANDING_LABELS[line.standing.value]
            counts[label] = counts.get(label, 0) + 1
        rows = [[label, str(count)] for label, count in counts.items()]
        rows.append(["overdue (of the current)", str(len(summary.overdue))])
        return TableSpec(title, ["Standing", "States Parties"], rows)
    rows = []
    for line in summary.lines:
        rows.append(
            [
                line.name,
                _day(line.entry_into_force),
                _day(line.deadline),
                _day(line.deadline_in_effect) if line.extended else "",
                line.completed or "",
                STANDING_LABELS[line.standing.value] + (" (overdue)" if line.overdue else ""),
            ]
        )
    return TableSpec(
        title,
        ["State", "In force", "Deadline", "Extended to", "Completed", "Standing"],
        rows,
        note="Completion dates as the source gives them (year, month or day).",
    )


def _victim_assistance_table(ctx: Context, va) -> TableSpec:
    title = "Victim assistance: states with Article 5 obligations recorded"
    if not va.recorded:
        return TableSpec(title, ["States Parties", "Signatories"], [], note="Not recorded for this report.")
    if ctx.aggregate_only:
        return TableSpec(
            title, ["States Parties", "Signatories"], [[str(len(va.states_parties)), str(len(va.signatories))]]
        )
    rows = [[ref.name, ref.region, "State Party"] for ref in va.states_parties]
    rows += [[ref.name, ref.region, "signatory"] for ref in va.signatories]
    return TableSpec(title, ["State", "Region", "Status"], rows)


def _cooperation_table(ctx: Context, co) -> TableSpec:
    title = "International cooperation and assistance: reported needs and provision"
    if not co.recorded:
        return TableSpec(title, ["Reported", "States Parties", "Signatories"], [], note="Not recorded for this report.")
    if ctx.aggregate_only:
        return TableSpec(
            title,
            ["Reported", "States Parties", "Signatories"],
            [
                ["a need for assistance", str(len(co.in_need)), ""],
                ["providing assistance", str(len(co.providing_states_parties)), str(len(co.providing_signatories))],
            ],
        )
    rows = [[ref.name, "needs assistance"] for ref in co.in_need]
    rows += [[ref.name, "provides assistance"] for ref in co.providing_states_parties + co.providing_signatories]
    return TableSpec(title, ["State", "Reported"], rows)


def _transparency_table(tr) -> TableSpec:
    title = "Transparency: annual reports per year covered"
    if not tr.recorded:
        return TableSpec(
            title,
            ["Year covered", "Due", "States Parties owing"],
            [[str(r.year), r.due.isoformat(), str(r.owed)] for r in tr.rounds],
            note="Submissions are not recorded for this report; the table gives who owed each report (Article 7(2)).",
        )
    return TableSpec(
        title,
        ["Year covered", "Due", "Owed", "On time", "Late", "Missing"],
        [
            [str(r.year), r.due.isoformat(), str(r.owed), str(len(r.on_time)), str(len(r.late)), str(len(r.missing))]
            for r in tr.rounds
        ],
    )


def _measures_table(ctx: Context, nim) -> TableSpec:
    title = "National implementation measures: latest status of each State Party"
    if not nim.recorded:
        return TableSpec(title, ["Status", "States Parties"], [], note="Not recorded for this report.")
    if ctx.aggregate_only:
        labels = {**MEASURE_STATUSES, "no record": "nothing recorded"}
        return TableSpec(title, ["Status", "States Parties"], [[labels[k], str(v)] for k, v in nim.by_status().items()])
    return TableSpec(
        title,
        ["State", "Status", "Date", "Measure"],
        [[line.name, MEASURE_STATUSES[line.status], line.dated, line.measure] for line in nim.lines],
    )


def _charts(ctx: Context, s: dict) -> list[ChartSpec]:
    u = s["universalization"]
    st = s["stockpile-destruction"]
    cl = s["clearance"]
    va = s["victim-assistance"]
    co = s["cooperation"]
    tr = s["transparency"]
    nim = s["national-implementation"]

    def standing(summary) -> list[tuple[str, float]]:
        return [
            ("completed", len(summary.completed)),
            ("current", len(summary.current)),
            ("  of which overdue", len(summary.overdue)),
            ("date not recorded", len(summary.undetermined)),
        ]

    transparency_items = (
        [(f"{r.year} on time", len(r.on_time)) for r in tr.rounds]
        if tr.recorded
        else [(f"{r.year}", r.owed) for r in tr.rounds]
    )
    return [
        ChartSpec(
            "Universalisation: States Parties at each year's end",
            [(str(y), n) for y, n in u.states_parties_by_year],
            note=f"{ctx.period.as_of.year}: as of {long_date(ctx.period.as_of)}.",
        ),
        ChartSpec("Stockpile destruction: Article 3 obligations by standing", standing(st)),
        ChartSpec("Clearance: Article 4 obligations by standing", standing(cl)),
        ChartSpec(
            "Victim assistance: states with Article 5 obligations",
            [("States Parties", len(va.states_parties)), ("signatories", len(va.signatories))],
            note="" if va.recorded else "Not recorded for this report.",
        ),
        ChartSpec(
            "International cooperation and assistance",
            [
                ("in need", len(co.in_need)),
                ("providing", len(co.providing_states_parties) + len(co.providing_signatories)),
                ("with obligations", len(co.with_obligations)),
            ],
            note="" if co.recorded else "Needs and provision not recorded; obligations from the Article 3-5 records.",
        ),
        ChartSpec(
            "Transparency: annual reports on time per year covered"
            if tr.recorded
            else "Transparency: States Parties owing an annual report, per year covered",
            transparency_items,
        ),
        ChartSpec(
            "National implementation measures: States Parties by latest status",
            [({**MEASURE_STATUSES, "no record": "nothing recorded"}[k], v) for k, v in nim.by_status().items()],
            note="" if nim.recorded else "Not recorded for this report.",
        ),
    ]
