"""The progress report for a Meeting of States Parties, in the structure of the San José template.

The San José Progress Report template (5MSP, 2014) leaves each figure as "XX"; this
module fills them from the summaries of `reports.summary` for a period (since a
meeting, as of a day) and returns a plain document model: headings, paragraphs
with footnotes naming the states behind a figure, and annexes of one table and one
chart per thematic area. `to_markdown` renders it as text (charts drawn with
characters); `reports.export_progress_docx` renders it as a Word file with PNG charts.

`aggregate_only` names no individual state anywhere, as the Beirut report series
did: footnotes are dropped, annex tables count instead of listing, and meeting
venues are given by city.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ccmtui.domain import treaty
from ccmtui.domain.engagements import ACTION_PLANS
from ccmtui.domain.obligations import MEASURE_STATUSES
from ccmtui.domain.states import UN_MEMBER_COUNT, normalize
from ccmtui.reports import charts
from ccmtui.reports.summary import Overview, Period, build_summary

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
NUMBER_WORDS = (
    "No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty",
)  # fmt: skip
# The action plan each meeting adopted: Vientiane (1MSP), Dubrovnik (1RC), Lausanne (2RC).
PLAN_ADOPTED_AT = {"1MSP": "VAP", "1RC": "DAP", "2RC": "LAP"}
DRAFT = "For the thematic coordinators to draft."


def long_date(day: date) -> str:
    """30 June 2014, whatever the locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_year(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def states(count: int, singular: str = "State Party", plural: str = "States Parties") -> str:
    """'no States Parties', '1 State Party', '17 States Parties'."""
    if count == 0:
        return f"no {plural}"
    return f"{count} {singular if count == 1 else plural}"


def some(count: int) -> str:
    """'none' for zero, the number otherwise."""
    return "none" if count == 0 else str(count)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def verb(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


# -- the document model


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


class _Document:
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


# -- filling the template


@dataclass
class _Context:
    period: Period
    since_code: str  # the meeting changes are counted from, e.g. 4MSP
    since_meeting: object | None
    next_meeting: object | None
    plan: str  # VAP, DAP, LAP
    aggregate_only: bool

    @property
    def next_code(self) -> str:
        return self.next_meeting.code if self.next_meeting else "next Meeting of States Parties"

    @property
    def since_text(self) -> str:
        return f"the {self.since_code}" if self.since_meeting else long_date(self.period.since)

    def venue(self, meeting) -> str:
        return meeting.city if self.aggregate_only else f"{meeting.city}, {meeting.country}"


def _context(reader, period: Period, aggregate_only: bool) -> _Context:
    meetings = reader.rows("meeting_details")
    since_meeting = next((m for m in meetings if m.code == period.since_meeting), None)
    later = [m for m in meetings if m.start > period.as_of]
    plan = "VAP"
    for meeting in meetings:
        if meeting.code in PLAN_ADOPTED_AT and meeting.end <= period.as_of:
            plan = PLAN_ADOPTED_AT[meeting.code]
    return _Context(
        period=period,
        since_code=since_meeting.code if since_meeting else long_date(period.since),
        since_meeting=since_meeting,
        next_meeting=later[0] if later else None,
        plan=plan,
        aggregate_only=aggregate_only,
    )


def _names(items) -> list[str]:
    """The states behind a figure, in alphabetical order."""
    return sorted((item.name for item in items), key=normalize)


def build_progress_report(
    reader, as_of: date | str | None, since: date | str | None, *, aggregate_only: bool = False, register=None
) -> ProgressReport:
    """The progress report for the period, every "XX" of the template filled from the data."""
    overview: Overview = build_summary(reader, None, as_of, since, register=register)
    ctx = _context(reader, overview.period, aggregate_only)
    doc = _Document(aggregate_only)
    s = overview.summaries
    title = _front_matter(doc, ctx)
    _general_trends(doc, ctx, s)
    doc.add("heading1", "2. Partnerships")
    doc.challenges(ctx.next_code)
    _universalization(doc, ctx, s["universalization"])
    _obligations(doc, ctx, s["stockpile-destruction"], "4. Stockpile Destruction")
    _obligations(doc, ctx, s["clearance"], "5. Clearance")
    _victim_assistance(doc, ctx, s["victim-assistance"])
    _cooperation(doc, ctx, s["cooperation"])
    doc.add("heading1", "8. Implementation Support")
    doc.challenges(ctx.next_code)
    _transparency(doc, ctx, s["transparency"])
    _national_measures(doc, ctx, s["national-implementation"])
    doc.add("heading1", "11. Compliance")
    doc.challenges(ctx.next_code)
    return ProgressReport(
        period=overview.period,
        title=title,
        aggregate_only=aggregate_only,
        body=doc.blocks,
        footnotes=doc.footnotes,
        annexes=_annexes(ctx, s),
    )


def _front_matter(doc: _Document, ctx: _Context) -> str:
    period, nxt, since = ctx.period, ctx.next_meeting, ctx.since_meeting
    title = f"{nxt.city} Progress Report" if nxt else "Progress Report"
    plan = ACTION_PLANS[ctx.plan]
    until = f"the {nxt.name}" if nxt else f"{long_date(period.as_of)}"
    doc.add("title", "The Convention on Cluster Munitions")
    doc.add("subtitle", title)
    doc.add("byline", f"Monitoring progress in implementing the {plan} up until {until}")
    if since:
        doc.add("byline", f"Submitted by the President of the {since.name}")
    where = f" in {ctx.venue(nxt)}, in {month_year(nxt.start)}" if nxt else ""
    up_to = f"the {nxt.name} ({nxt.code}){where}" if nxt else long_date(period.as_of)
    emphasis = (
        f" A special emphasis will be placed on progress made since the {since.name} ({since.code}) held in "
        f"{ctx.venue(since)}, in {month_year(since.start)}."
        if since
        else f" A special emphasis will be placed on progress made since {long_date(period.since)}."
    )
    doc.paragraph(
        "This report will present an aggregate analysis of trends and figures in the implementation of the "
        f"Convention on Cluster Munitions (CCM), operationalized in the {plan} ({ctx.plan}), from entry into force of "
        f"the Convention on {long_date(treaty.CONVENTION_ENTRY_INTO_FORCE)} up to {up_to}.{emphasis}"
    )
    doc.paragraph(
        "The figures are drawn from the register of signatures, ratifications and accessions, the Article 3 and "
        "Article 4 obligations and what the thematic coordinators have recorded, as they stood on "
        f"{long_date(period.as_of)}. Where a figure is not recorded, the report says so rather than estimating it."
    )
    doc.paragraph(
        "When referring to States Parties, signatories or States not Party, these terms are used explicitly; "
        'otherwise the term "states" is used for referring to States Parties, signatories and States not Party in '
        "general. The CCM has not yet entered into force for some of the states mentioned that have ratified the "
        "Convention, but they are still referred to as States Parties in this document."
    )
    doc.paragraph(
        f"This report was finalised on {long_date(period.as_of)}. Changes that have occurred after that date are not "
        "reflected in this report."
    )
    return title


def _general_trends(doc: _Document, ctx: _Context, s: dict) -> None:
    day = long_date(ctx.period.as_of)
    since = ctx.since_text
    doc.add("heading1", "1. General trends")

    u = s["universalization"]
    doc.add("heading2", "Universalization")
    growth = u.states_parties - u.states_parties_at_since
    if growth > 0:
        trend = "The number of States Parties to the CCM continues to grow."
    elif growth < 0:
        trend = f"The number of States Parties to the CCM has fallen since {since}, with withdrawals (Article 20)."
    else:
        trend = f"The number of States Parties to the CCM has not changed since {since}."
    share = u.un_members_joined / UN_MEMBER_COUNT
    half = "more than half" if share > 0.5 else ("half" if share == 0.5 else "less than half")
    joined = len(u.joined)
    doc.paragraph(
        f"{trend} By {day}, there are {states(u.states_parties)} and {states(u.signatories, 'signatory', 'signatories')} "
        f"to the CCM. This means that {half} of the United Nations (UN) member states ({u.un_members_joined} of "
        f"{UN_MEMBER_COUNT}) have joined the ban on all use, production, transfer and stockpiling of cluster munitions. "
        f"{capital(states(joined, 'State', 'States'))} {verb(joined, 'has', 'have')} ratified or acceded since {since}."
    )

    st = s["stockpile-destruction"]
    doc.add("heading2", "Stockpile destruction and retention")
    opening = (
        "Since the entry into force of the CCM"
        if ctx.period.as_of >= treaty.CONVENTION_ENTRY_INTO_FORCE
        else f"By {day}"
    )
    done = len(st.completed)
    in_period = f", {some(len(st.completed_in_period))} since {since}," if done else ","
    text = (
        f"{opening}, {states(len(st.with_obligations))} "
        f"{verb(len(st.with_obligations), 'has', 'have')} reported stockpiles of cluster munitions. "
        f"{capital(states(done))} {verb(done, 'has', 'have')} completed "
        f"{verb(done, 'its', 'their')} stockpile destruction obligations{in_period} and {states(len(st.current))} "
        f"{verb(len(st.current), 'has', 'have')} current obligations."
    )
    if st.undetermined:
        text += f" For {len(st.undetermined)} more, completion is recorded without a date and is not counted here."
    doc.paragraph(text)

    cl = s["clearance"]
    doc.add("heading2", "Clearance and risk reduction")
    signatories = [line for line in cl.not_yet_party if line.status == "signatory"]
    done, before = len(cl.completed), len(cl.completed_before_entry_into_force)
    text = (
        f"{capital(states(len(cl.with_obligations)))} and {states(len(signatories), 'signatory', 'signatories')} "
        f"{verb(len(cl.with_obligations) + len(signatories), 'has', 'have')} reported contamination from cluster "
        f"munitions. {capital(states(done))} {verb(done, 'has', 'have')} completed "
        f"{verb(done, 'its', 'their')} clearance obligations"
    )
    if done:
        text += f", {some(len(cl.completed_in_period))} since {since}"
    if before:
        text += (
            f", including {before} that cleared all contaminated areas under {verb(before, 'its', 'their')} "
            f"jurisdiction or control prior to the entry into force of the Convention for {verb(before, 'it', 'them')}"
        )
    text += "."
    if cl.undetermined:
        text += f" For {len(cl.undetermined)} more, completion is recorded without a date and is not counted here."
    doc.paragraph(text)

    va = s["victim-assistance"]
    doc.add("heading2", "Victim assistance")
    if va.recorded:
        doc.paragraph(
            f"{capital(states(len(va.states_parties)))} and {states(len(va.signatories), 'signatory', 'signatories')} "
            f"{verb(len(va.states_parties) + len(va.signatories), 'is', 'are')} reported to have victim assistance "
            "obligations."
        )
    else:
        doc.paragraph("Victim assistance obligations (Article 5) are not recorded for this report.")

    co = s["cooperation"]
    doc.add("heading2", "International cooperation and assistance")
    if co.recorded:
        doc.paragraph(
            f"{capital(states(len(co.in_need)))} {verb(len(co.in_need), 'has', 'have')} explicitly reported that "
            f"{verb(len(co.in_need), 'it is', 'they are')} currently in need of international cooperation and "
            f"assistance. {capital(states(len(co.providing_states_parties)))} and "
            f"{states(len(co.providing_signatories), 'signatory', 'signatories')} have reported that they have "
            "provided cooperation and assistance for implementation of the CCM."
        )
    else:
        doc.paragraph(
            "Reports of needing or providing international cooperation and assistance are not recorded for this "
            f"report. {capital(states(len(co.with_obligations)))} {verb(len(co.with_obligations), 'has', 'have')} "
            "current obligations under Articles 3, 4 or 5 for which Article 6 provides assistance."
        )

    tr = s["transparency"]
    doc.add("heading2", "Transparency")
    doc.paragraph(*_transparency_trend(tr, day))

    nim = s["national-implementation"]
    doc.add("heading2", "National Implementation Measures")
    if nim.recorded:
        adopted = len(nim.adopted_in_period)
        doc.paragraph(
            f"{capital(states(adopted))} {verb(adopted, 'has', 'have')} adopted national implementation measures "
            f"since {since}."
        )
    else:
        doc.paragraph("National implementation measures (Article 9) are not recorded for this report.")


def _transparency_trend(tr, day: str) -> list[str]:
    latest = tr.latest_round
    round_text = (
        f"their annual transparency report for {latest.due.year} (covering {latest.year}, due "
        f"{long_date(latest.due)})"
        if latest
        else "an annual transparency report"
    )
    if not tr.recorded:
        due = sum(1 for r in tr.initial if r.due <= tr.period.as_of)
        not_due = len(tr.initial_not_yet_due)
        waiting = (
            f" and {not_due} had not yet reached {verb(not_due, 'its', 'their')} deadline"
            if not_due
            else ", every State Party's deadline having passed"
        )
        text = (
            "Article 7 reports are not recorded for this report, so submissions are not counted. "
            f"By {day}, initial transparency reports had fallen due for {states(due)}{waiting}."
        )
        if latest:
            text += f" {capital(states(latest.owed))} owed {round_text}."
        return [text]
    outstanding, not_due = len(tr.initial_outstanding), len(tr.initial_not_yet_due)
    late = len(tr.late_annual)
    text = (
        f"{capital(states(outstanding))} {verb(outstanding, 'has', 'have')} not yet submitted "
        f"{verb(outstanding, 'its', 'their')} initial transparency report, including {not_due} that "
        f"{verb(not_due, 'has', 'have')} not yet reached {verb(not_due, 'its', 'their')} deadline. "
        f"{capital(states(late))} {verb(late, 'has', 'have')} moreover been late in the submission of subsequent "
        "annual reports."
    )
    if latest:
        missing = len(latest.missing)
        text += f" {capital(states(missing))} {verb(missing, 'has', 'have')} not yet submitted {round_text}."
    return [text]


def _universalization(doc: _Document, ctx: _Context, u) -> None:
    day = long_date(ctx.period.as_of)
    since = ctx.since_text
    doc.add("heading1", "3. Universalization")
    doc.add("heading3", "Scope")
    ratified, acceded = u.ratified, u.acceded
    at_since = f"at the time of {since}" if ctx.since_meeting else f"on {since}"
    doc.paragraph(
        f"{u.states_parties_at_since} States were Parties to the CCM {at_since}. Since then "
        f"{states(len(ratified), 'signatory', 'signatories').split(' ')[0]}",
        doc.note(_names(ratified)),
        f" {verb(len(ratified), 'signatory has', 'signatories have')} ratified and "
        f"{states(len(acceded), 'state', 'states').split(' ')[0]}",
        doc.note(_names(acceded)),
        f" {verb(len(acceded), 'state has', 'states have')} acceded to the CCM. {u.states_parties} States are "
        f"Parties to the CCM as of {day}.",
    )
    extra = []
    if u.joined:
        regions = ", ".join(f"{count} from {_region(region)}" for region, count in u.joined_by_region.items())
        extra.append(f"Geographically, the new States Parties are distributed as follows: {regions}.")
    if u.pending:
        extra.append(
            f"The Convention is in force for {u.in_force} of them; for {u.pending} the instrument is deposited and "
            "entry into force pending (Article 17(2))."
        )
    else:
        extra.append(f"The Convention is in force for all {u.in_force} of them.")
    runs: list = [" ".join(extra)]
    if u.withdrawals:
        runs += [
            f" {capital(states(len(u.withdrawals), 'State', 'States'))}",
            doc.note(_names(u.withdrawals)),
            " withdrew from the Convention in the period, six months after notifying the depositary (Article 20(2)).",
        ]
    doc.paragraph(*runs)
    doc.add("heading3", "Progress")
    years = (ctx.period.as_of - treaty.CONVENTION_ENTRY_INTO_FORCE).days // 365
    after = (
        f"{NUMBER_WORDS[years] if years < len(NUMBER_WORDS) else years} year{'s' * (years != 1)} after entry into force"
        if years >= 1
        else "In the first year after entry into force"
    )
    signed = u.signatories_by_category
    assessed = {k: len(v) for k, v in signed.items() if k != "unassessed" and v}
    among = (
        " Of these, the coordinators assess "
        + ", ".join(f"{n} as Category {k}" for k, n in assessed.items())
        + f"; {len(signed['unassessed'])} are not assessed."
        if assessed
        else ""
    )
    doc.paragraph(
        f"{after}, {len(u.signatories_yet_to_ratify)} {verb(len(u.signatories_yet_to_ratify), 'signatory', 'signatories')}",
        doc.note(_names(u.signatories_yet_to_ratify)),
        f" {verb(len(u.signatories_yet_to_ratify), 'has', 'have')} yet to ratify the CCM.{among}",
    )
    categories = u.non_signatories_by_category
    assessed = sum(len(categories[k]) for k in ("I", "II", "III"))
    if assessed:
        doc.paragraph(
            f"Of the {u.non_signatories} states that have not signed, the coordinators assess {len(categories['I'])} "
            f"as Category I (willing to join), {len(categories['II'])} as Category II (interested, held back by "
            f"obstacles) and {len(categories['III'])} as Category III (unlikely to join soon); "
            f"{len(categories['unassessed'])} are not assessed."
        )
    tally = u.demarches
    if tally.demarches:
        rate = f" ({tally.reply_rate:.0%})" if tally.reply_rate is not None else ""
        text = (
            f"Since {since}, {tally.demarches} {verb(tally.demarches, 'démarche was', 'démarches were')} made to "
            f"{tally.states_reached} states; {tally.replied} of {tally.replies_expected} replies expected have been "
            f"received{rate}."
        )
        if u.campaigns:
            text += f" {len(u.campaigns)} joint {verb(len(u.campaigns), 'campaign', 'campaigns')} went out in the period."
        doc.paragraph(text)
    else:
        doc.paragraph(f"No universalization démarches are recorded since {since}.")
    doc.challenges(ctx.next_code)


def _region(region: str) -> str:
    return {"Americas": "the Americas", "Oceania": "the Pacific"}.get(region, region)


def _obligations(doc: _Document, ctx: _Context, summary, heading: str) -> None:
    article = summary.article
    since = ctx.since_text
    day = long_date(ctx.period.as_of)
    doc.add("heading1", heading)
    doc.add("heading3", "Scope")
    total = summary.with_obligations
    completed = summary.completed
    in_period = summary.completed_in_period
    current = summary.current
    what = "stockpile destruction" if article == 3 else "clearance"
    runs = [
        f"A total of {len(total)}",
        doc.note(_names(total)),
        f" States Parties have reported that they have or have had obligations under Article {article} of the CCM. "
        f"{capital(states(len(completed)))}",
        doc.note(_names(completed)),
        f" {verb(len(completed), 'has', 'have')} declared completion of {verb(len(completed), 'its', 'their')} "
        f"{what} obligations",
    ]
    if completed:
        runs += [f", {some(len(in_period))}", doc.note(_names(in_period)), f" of them since {since}"]
    runs.append(".")
    if summary.undetermined:
        runs += [
            f" For {len(summary.undetermined)} more",
            doc.note(_names(summary.undetermined)),
            " completion is recorded without a date, so they are counted neither as completed nor as current.",
        ]
    runs += [
        f" There are thus {states(len(current))}",
        doc.note(_names(current)),
        f" with current obligations under Article {article}.",
    ]
    doc.paragraph(*runs)
    extra = []
    if article == 4 and summary.completed_before_entry_into_force:
        n = len(summary.completed_before_entry_into_force)
        extra.append(
            f"{capital(states(n))} cleared all contaminated areas before the Convention entered into force for "
            f"{verb(n, 'it', 'them')}."
        )
    if summary.none_held:
        extra.append(f"{capital(states(len(summary.none_held)))} reported holding no stockpile.")
    if summary.uncertain:
        extra.append(f"For {states(len(summary.uncertain))} the record of the obligation is uncertain.")
    signatories = [line for line in summary.not_yet_party if line.status == "signatory"]
    if signatories:
        kind = "stockpiles" if article == 3 else "contamination"
        extra.append(
            f"{capital(states(len(signatories), 'signatory', 'signatories'))} with {kind} recorded will assume "
            f"Article {article} obligations on joining."
        )
    if extra:
        doc.paragraph(" ".join(extra))
    doc.add("heading3", "Progress")
    progress = []
    if current:
        first = min(line.deadline_in_effect for line in current if line.deadline_in_effect)
        due_first = [line for line in current if line.deadline_in_effect == first]
        progress.append(
            f"The nearest deadline in effect is {long_date(first)}, for {states(len(due_first))}."
            if first >= ctx.period.as_of
            else ""
        )
    overdue = summary.overdue
    progress.append(
        f"{capital(states(len(overdue)))} {verb(len(overdue), 'is', 'are')} past {verb(len(overdue), 'its', 'their')} "
        f"deadline as of {day}."
    )
    if summary.extended:
        progress.append(
            f"{capital(states(len(summary.extended)))} {verb(len(summary.extended), 'has', 'have')} been granted an "
            f"extension (Article {'3(3)' if article == 3 else '4(5)'})."
        )
    if summary.extension_requests:
        n = len(summary.extension_requests)
        progress.append(f"{capital(states(n))} {verb(n, 'has', 'have')} an extension request pending.")
    doc.paragraph(" ".join(p for p in progress if p))
    if article == 3:
        _retention(doc, summary)
    doc.challenges(ctx.next_code)


def _retention(doc: _Document, summary) -> None:
    retaining = summary.retention
    if not retaining:
        doc.paragraph("No retention figures under Article 3(6) are recorded for a year before this report.")
        return
    years = sorted({line.year for line in retaining})
    silent = summary.use_not_reported
    doc.paragraph(
        f"{capital(states(len(retaining)))} {verb(len(retaining), 'reports', 'report')} retaining cluster munitions "
        f"or explosive submunitions under Article 3(6) (figures for {', '.join(map(str, years))}). "
        f"{capital(states(len(silent)))}",
        doc.note(_names(silent)),
        f" {verb(len(silent), 'has', 'have')} not reported {verb(len(silent), 'its', 'their')} use of them "
        "(Article 3(8)).",
    )


def _victim_assistance(doc: _Document, ctx: _Context, va) -> None:
    doc.add("heading1", "6. Victim Assistance")
    doc.add("heading3", "Scope")
    if va.recorded:
        doc.paragraph(
            f"{capital(states(len(va.states_parties)))}",
            doc.note(_names(va.states_parties)),
            f" and {states(len(va.signatories), 'signatory', 'signatories')}",
            doc.note(_names(va.signatories)),
            " are recorded as having cluster munition victims in areas under their jurisdiction or control "
            "(Article 5).",
        )
    else:
        doc.paragraph("Victim assistance obligations (Article 5) are not recorded for this report.")
    doc.add("heading3", "Progress")
    doc.paragraph(_engagements_text(va.engagements, ctx, "victim assistance"))
    doc.challenges(ctx.next_code)


def _engagements_text(tally, ctx: _Context, area: str) -> str:
    if not tally.total:
        return f"No {area} engagements are recorded since {ctx.since_text}."
    kinds = ", ".join(f"{count} {kind.replace('-', ' ')}" for kind, count in sorted(tally.by_kind.items()))
    return f"Since {ctx.since_text}, {tally.total} {area} engagements are recorded ({kinds})."


def _cooperation(doc: _Document, ctx: _Context, co) -> None:
    doc.add("heading1", "7. International cooperation and assistance")
    doc.add("heading3", "Scope")
    doc.paragraph(
        f"{capital(states(len(co.with_obligations)))}",
        doc.note(_names(co.with_obligations)),
        f" {verb(len(co.with_obligations), 'has', 'have')} current obligations under Articles 3, 4 or 5 for which "
        "Article 6 provides for cooperation and assistance.",
    )
    doc.add("heading3", "Progress")
    if co.recorded:
        doc.paragraph(
            f"{capital(states(len(co.in_need)))}",
            doc.note(_names(co.in_need)),
            f" reported a need for cooperation and assistance; {states(len(co.providing_states_parties))}",
            doc.note(_names(co.providing_states_parties)),
            f" and {states(len(co.providing_signatories), 'signatory', 'signatories')}",
            doc.note(_names(co.providing_signatories)),
            " reported providing it.",
        )
    else:
        doc.paragraph("Reports of needing or providing cooperation and assistance are not recorded for this report.")
    doc.paragraph(_engagements_text(co.engagements, ctx, "cooperation"))
    doc.challenges(ctx.next_code)


def _transparency(doc: _Document, ctx: _Context, tr) -> None:
    doc.add("heading1", "9. Transparency")
    doc.add("heading3", "Scope")
    doc.paragraph(
        "Each State Party reports to the Secretary-General of the United Nations no later than 180 days after the "
        "entry into force of the Convention for it (Article 7(1)), and updates the report annually by 30 April, "
        f"covering the previous calendar year (Article 7(2)). {capital(states(len(tr.initial)))} "
        f"{verb(len(tr.initial), 'has', 'have')} these obligations as of {long_date(ctx.period.as_of)}."
    )
    doc.add("heading3", "Progress")
    if tr.recorded:
        overdue = tr.initial_overdue
        doc.paragraph(
            f"{capital(states(len(overdue)))}",
            doc.note(_names(overdue)),
            f" {verb(len(overdue), 'is', 'are')} late with {verb(len(overdue), 'its', 'their')} initial report.",
        )
        latest = tr.latest_round
        if latest:
            doc.paragraph(
                f"Of the {latest.owed} annual reports covering {latest.year}, due {long_date(latest.due)}, "
                f"{len(latest.on_time)} came on time, {len(latest.late)} late",
                doc.note(_names(latest.late)),
                f" and {len(latest.missing)} are missing",
                doc.note(_names(latest.missing)),
                ".",
            )
    else:
        doc.paragraph(*_transparency_trend(tr, long_date(ctx.period.as_of)))
    doc.challenges(ctx.next_code)


def _national_measures(doc: _Document, ctx: _Context, nim) -> None:
    doc.add("heading1", "10. National Implementation Measures")
    if nim.recorded:
        adopted = nim.with_status("adopted")
        existing = nim.with_status("existing-law")
        progress = nim.with_status("in-progress")
        doc.paragraph(
            f"{capital(states(len(adopted)))}",
            doc.note(_names(adopted)),
            f" {verb(len(adopted), 'has', 'have')} adopted specific legislation (Article 9), "
            f"{len(nim.adopted_in_period)}",
            doc.note(_names(nim.adopted_in_period)),
            f" of them since {ctx.since_text}; {states(len(existing))}",
            doc.note(_names(existing)),
            f" consider existing law sufficient and {states(len(progress))}",
            doc.note(_names(progress)),
            f" {verb(len(progress), 'is', 'are')} preparing measures. For {states(len(nim.without_record))} nothing is "
            "recorded.",
        )
    else:
        doc.paragraph("National implementation measures (Article 9) are not recorded for this report.")
    doc.challenges(ctx.next_code)


# -- annexes


def _annexes(ctx: _Context, s: dict) -> list[Block]:
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


def _universalization_table(ctx: _Context, u) -> TableSpec:
    title = f"Universalisation: ratifications and accessions since {ctx.since_text}"
    if ctx.aggregate_only or not u.joined:
        rows = [
            [region, str(sum(1 for j in u.ratified if j.region == region)), str(sum(1 for j in u.acceded if j.region == region))]
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


def _obligations_table(ctx: _Context, summary, name: str) -> TableSpec:
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


def _victim_assistance_table(ctx: _Context, va) -> TableSpec:
    title = "Victim assistance: states with Article 5 obligations recorded"
    if not va.recorded:
        return TableSpec(title, ["States Parties", "Signatories"], [], note="Not recorded for this report.")
    if ctx.aggregate_only:
        return TableSpec(title, ["States Parties", "Signatories"], [[str(len(va.states_parties)), str(len(va.signatories))]])
    rows = [[ref.name, ref.region, "State Party"] for ref in va.states_parties]
    rows += [[ref.name, ref.region, "signatory"] for ref in va.signatories]
    return TableSpec(title, ["State", "Region", "Status"], rows)


def _cooperation_table(ctx: _Context, co) -> TableSpec:
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


def _measures_table(ctx: _Context, nim) -> TableSpec:
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


def _charts(ctx: _Context, s: dict) -> list[ChartSpec]:
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


# -- Markdown


def markdown_escape(text: str) -> str:
    """A stored name in Markdown: shown as written (the same escaping as the other Markdown exports)."""
    from ccmtui.reports.export_markdown import escape

    return escape(text)


def _md_runs(runs) -> str:
    return "".join(f"[^{run.number}]" if isinstance(run, Note) else run for run in runs)


def to_markdown(report: ProgressReport, chart_width: int = 40) -> str:
    """The report as Markdown: footnotes as [^n], annex charts as text in code blocks."""
    lines: list[str] = []
    for block in report.body:
        text = _md_runs(block.runs)
        prefix = {"title": "# ", "subtitle": "## ", "heading1": "## ", "heading2": "### ", "heading3": "#### "}.get(block.kind)
        if prefix:
            lines += [f"{prefix}{text}", ""]
        elif block.kind in ("byline", "draft"):
            lines += [f"*{text}*", ""]
        else:
            lines += [text, ""]
    for number, note in enumerate(report.footnotes, 1):
        lines.append(f"[^{number}]: {markdown_escape(note)}")
    if report.footnotes:
        lines.append("")
    for block in report.annexes:
        if block.kind == "heading1":
            lines += [f"## {block.text}", ""]
        elif block.table is not None:
            lines += _md_table(block.table)
        elif block.chart is not None:
            lines += _md_chart(block.chart, chart_width)
    return "\n".join(lines).rstrip() + "\n"


def _md_table(table: TableSpec) -> list[str]:
    lines = [f"**{table.title}**", ""]
    if table.rows:
        lines.append("| " + " | ".join(table.headers) + " |")
        lines.append("|" + "|".join("---" for _ in table.headers) + "|")
        lines += ["| " + " | ".join(markdown_escape(cell) for cell in row) + " |" for row in table.rows]
        lines.append("")
    if table.note:
        lines += [f"*{table.note}*", ""]
    elif not table.rows:
        lines += ["*None.*", ""]
    return lines


def _md_chart(chart: ChartSpec, width: int) -> list[str]:
    lines = [f"**{chart.title}**", "", "```", *charts.bar_lines(chart.items, width), "```", ""]
    if chart.note:
        lines += [f"*{chart.note}*", ""]
    return lines
