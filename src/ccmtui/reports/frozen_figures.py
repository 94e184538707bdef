"""Every figure a progress report prints, each with its rule, its day and the states behind it.

The five figures of the register (`frozen.register_figures`) come first, then the universalization
section's other figures and those of the sections on stockpile destruction, clearance, victim
assistance, cooperation, transparency and national implementation measures, taken from the same
summaries the report is written from (reports/summary), so a frozen figure is the figure printed.
A count without states behind it (démarches, replies) keeps its value and its rule; its diff
compares the value.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ccmtui.reports.frozen import Figure, register_figures

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

# Where a figure's states come from in the change log: the tables whose records decide it.
REGISTER = ("states",)
CATEGORIES = ("classifications",)
OBLIGATIONS = ("obligations", "obligation_extensions")
ENGAGEMENTS = ("engagements", "engagement_states", "replies")


def progress_report_figures(
    reader: Reader, register: Register, as_of: date, since: date, since_label: str
) -> list[Figure]:
    """The progress report's figures for the period, as frozen with it and recomputed by `ccm report diff`."""
    from ccmtui.reports.summary import build_summary

    overview = build_summary(reader, None, as_of, since, register=register)
    s = overview.summaries
    out = register_figures(register, as_of, since, since_label)

    def add(id_: str, label: str, rule: str, items, tables=REGISTER, value: int | None = None) -> None:
        items = list(items)
        out.append(
            Figure(
                id_,
                label,
                len(items) if value is None else value,
                rule,
                as_of,
                [i.iso3 for i in items],
                [i.name for i in items],
                list(tables),
            )
        )

    u = s["universalization"]
    then = [x for x in register.on(since) if x.status in _parties()]
    add(
        "parties-at-since",
        f"States Parties at {since_label}",
        f"party or pending on {since.isoformat()} (Art. 16, 17, 20)",
        then,
    )
    add("ratified-since", f"Signatories that ratified since {since_label}", "signed, then deposited an instrument of ratification, acceptance or approval in the period (Art. 15, 16(1))", u.ratified)  # fmt: skip
    add("acceded-since", f"States that acceded since {since_label}", "deposited an instrument of accession in the period without having signed (Art. 16(2))", u.acceded)  # fmt: skip
    add("withdrawals", "States that withdrew in the period", "withdrawal in effect in the period, six months after notifying the depositary (Art. 20(2))", u.withdrawals)  # fmt: skip
    groups = (
        ("signatories", "Signatories yet to ratify", "signed, no instrument deposited on that date", u.signatories_by_category),
        ("non-signatories", "States that have not signed", "neither signed nor party on that date", u.non_signatories_by_category),
    )  # fmt: skip
    for prefix, what, rule, by_category in groups:
        for category in ("I", "II", "III", "unassessed"):
            label = f"Category {category}" if category != "unassessed" else "not assessed"
            add(
                f"{prefix}-{category.lower()}",
                f"{what}, {label}",
                f"{rule}; {_assessed(category)}",
                by_category[category],
                REGISTER + CATEGORIES,
            )
    non_signatories = [ref for refs in u.non_signatories_by_category.values() for ref in refs]
    add("non-signatories", "States that have not signed", "neither signed nor party on that date (Art. 15, 16)", sorted(non_signatories, key=lambda r: r.name))  # fmt: skip
    tally = u.demarches
    add("demarches", "Universalization démarches in the period", f"engagements of kind démarche in universalization dated after {since.isoformat()}, on or before that date", [], ENGAGEMENTS, tally.demarches)  # fmt: skip
    add("demarche-states", "States the démarches reached", "distinct states of those démarches", [], ENGAGEMENTS, tally.states_reached)  # fmt: skip
    add("demarche-replies", "Replies received to those démarches", f"replies recorded as received, of {tally.replies_expected} expected", [], ENGAGEMENTS, tally.replied)  # fmt: skip
    add("campaigns", "Joint campaigns in the period", "campaigns of universalization launched in the period", [], ENGAGEMENTS, len(u.campaigns))  # fmt: skip

    for key, article, what in (("stockpile-destruction", 3, "stockpile"), ("clearance", 4, "clearance")):
        o = s[key]
        rule = f"States Parties on that date whose Article {article} obligation"
        add(f"{what}-with-obligations", f"States Parties with Article {article} obligations, current or past", f"{rule} is or was recorded (not none held, not uncertain)", o.with_obligations, REGISTER + OBLIGATIONS)  # fmt: skip
        add(f"{what}-completed", f"States Parties that completed Article {article} obligations", f"{rule} is recorded as completed by that date", o.completed, REGISTER + OBLIGATIONS)  # fmt: skip
        add(f"{what}-completed-since", f"Article {article} completions since {since_label}", f"{rule} was completed after {since.isoformat()}", o.completed_in_period, REGISTER + OBLIGATIONS)  # fmt: skip
        add(f"{what}-undetermined", f"Article {article} completions without a date", f"{rule} is recorded completed with no date", o.undetermined, REGISTER + OBLIGATIONS)  # fmt: skip
        add(f"{what}-current", f"States Parties with current Article {article} obligations", f"{rule} is current on that date", o.current, REGISTER + OBLIGATIONS)  # fmt: skip
        add(f"{what}-overdue", f"Article {article} obligations past their deadline", f"{rule} is current and its deadline in effect has passed (Art. {'3(2)' if article == 3 else '4(1)'})", o.overdue, REGISTER + OBLIGATIONS)  # fmt: skip
        add(f"{what}-extended", f"Article {article} extensions granted", f"{rule} is current with an extension granted (Art. {'3(3)' if article == 3 else '4(5)'})", o.extended, REGISTER + OBLIGATIONS)  # fmt: skip
        add(f"{what}-extension-requests", f"Article {article} extension requests pending", f"{rule} is current with an extension requested and not yet decided", o.extension_requests, REGISTER + OBLIGATIONS)  # fmt: skip
    stock = s["stockpile-destruction"]
    add("retention", "States Parties retaining under Article 3(6)", "the latest retention figures recorded for a year before that date show some retained (Art. 3(6))", stock.retaining, REGISTER + ("retention",))  # fmt: skip
    add("retention-use-not-reported", "Retaining States that have not reported use", "retention recorded, no use reported (Art. 3(8))", stock.use_not_reported, REGISTER + ("retention",))  # fmt: skip

    va = s["victim-assistance"]
    add("victims-states-parties", "States Parties with cluster munition victims", "States Parties with an Article 5 obligation recorded", va.states_parties, REGISTER + OBLIGATIONS)  # fmt: skip
    add("victims-signatories", "Signatories with cluster munition victims", "signatories with an Article 5 obligation recorded", va.signatories, REGISTER + OBLIGATIONS)  # fmt: skip
    add("victims-engagements", "Victim assistance engagements in the period", f"engagements in victim assistance dated after {since.isoformat()}", [], ENGAGEMENTS, va.engagements.total)  # fmt: skip

    co = s["cooperation"]
    add("cooperation-with-obligations", "States Parties with obligations Article 6 supports", "current Article 3 or 4, or any Article 5, obligation on that date (Art. 6)", co.with_obligations, REGISTER + OBLIGATIONS)  # fmt: skip
    add("cooperation-in-need", "States Parties reporting a need for assistance", "a need reported for that year or the one before (Art. 6)", co.in_need, REGISTER + ("cooperation_reports",))  # fmt: skip
    add("cooperation-providing-parties", "States Parties reporting providing assistance", "providing reported by that date (Art. 6)", co.providing_states_parties, REGISTER + ("cooperation_reports",))  # fmt: skip
    add("cooperation-providing-signatories", "Signatories reporting providing assistance", "providing reported by that date (Art. 6)", co.providing_signatories, REGISTER + ("cooperation_reports",))  # fmt: skip
    add("cooperation-engagements", "Cooperation engagements in the period", f"engagements in cooperation dated after {since.isoformat()}", [], ENGAGEMENTS, co.engagements.total)  # fmt: skip

    tr = s["transparency"]
    reports = REGISTER + ("transparency_reports",)
    add("transparency-initial-owed", "States Parties with Article 7 reporting obligations", "States Parties on that date, each owing an initial report (Art. 7(1))", tr.initial, reports)  # fmt: skip
    add("transparency-initial-overdue", "Initial reports overdue", "initial report not submitted 180 days after entry into force (Art. 7(1))", tr.initial_overdue, reports)  # fmt: skip
    latest = tr.latest_round
    if latest is not None:
        add("transparency-annual-on-time", f"Annual reports for {latest.year} on time", f"submitted by {latest.due.isoformat()} (Art. 7(2))", latest.on_time, reports)  # fmt: skip
        add("transparency-annual-late", f"Annual reports for {latest.year} late", f"submitted after {latest.due.isoformat()} (Art. 7(2))", latest.late, reports)  # fmt: skip
        add("transparency-annual-missing", f"Annual reports for {latest.year} missing", "not submitted by that date (Art. 7(2))", latest.missing, reports)  # fmt: skip

    nim = s["national-implementation"]
    measures = REGISTER + ("national_measures",)
    add("measures-adopted", "States Parties with specific legislation", "status adopted by that date (Art. 9)", nim.with_status("adopted"), measures)  # fmt: skip
    add("measures-adopted-since", f"Legislation adopted since {since_label}", f"adopted after {since.isoformat()} (Art. 9)", nim.adopted_in_period, measures)  # fmt: skip
    add("measures-existing-law", "States Parties that consider existing law sufficient", "status existing-law by that date (Art. 9)", nim.with_status("existing-law"), measures)  # fmt: skip
    add("measures-in-progress", "States Parties preparing measures", "status in-progress by that date (Art. 9)", nim.with_status("in-progress"), measures)  # fmt: skip
    add("measures-no-record", "States Parties with no national measure recorded", "no status recorded by that date", nim.without_record, measures)  # fmt: skip
    return out


def _assessed(category: str) -> str:
    if category == "unassessed":
        return "no category assessed by the coordinators by that date"
    return f"assessed Category {category} by the coordinators (their latest assessment by that date)"


def _parties():
    from ccmtui.domain import treaty

    return treaty.STATES_PARTIES_INCLUDING_PENDING


def compare_with_today(reader: Reader, register: Register, row):
    """A frozen report (a `Q.frozen_reports` row) against the data today: (the changed figures, the
    corrigendum as Markdown). What `ccm report diff` prints and the app's Frozen reports screen shows."""
    import json

    from ccmtui.reports import frozen

    parameters = json.loads(row.parameters)
    label = parameters.get("since_label", "")
    if row.kind == "progress":
        current = progress_report_figures(reader, register, row.as_of, row.since, label)
    else:
        current = frozen.register_figures(register, row.as_of, row.since, label)
    changes = frozen.diff(reader, frozen.figures_from_json(row.figures), current, row.created_at)
    text = frozen.corrigendum(row.name, parameters.get("title", row.name), row.as_of, row.created_at, changes)
    return changes, text
