"""The report's opening: its front matter, and the general trends of every thematic area (section 1)."""

from __future__ import annotations

from ccmtui.domain import treaty
from ccmtui.domain.engagements import ACTION_PLANS
from ccmtui.domain.states import UN_MEMBER_COUNT
from ccmtui.reports.progress.context import Context
from ccmtui.reports.progress.document import Document
from ccmtui.reports.progress.wording import capital, long_date, month_year, some, states, verb


def front_matter(doc: Document, ctx: Context) -> str:
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


def general_trends(doc: Document, ctx: Context, s: dict) -> None:
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
    doc.paragraph(*transparency_trend(tr, day))

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


def transparency_trend(tr, day: str) -> list[str]:
    latest = tr.latest_round
    round_text = (
        f"their annual transparency report for {latest.due.year} (covering {latest.year}, due {long_date(latest.due)})"
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
