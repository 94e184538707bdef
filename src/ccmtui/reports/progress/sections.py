"""The report's thematic sections: universalization, stockpile destruction, clearance, victim assistance,
cooperation, transparency and national implementation measures (sections 3-10)."""

from __future__ import annotations

from ccmtui.domain import treaty
from ccmtui.reports.progress.context import Context
from ccmtui.reports.progress.document import Document
from ccmtui.reports.progress.trends import transparency_trend
from ccmtui.reports.progress.wording import NUMBER_WORDS, capital, long_date, some, state_names, states, verb


def universalization_section(doc: Document, ctx: Context, u) -> None:
    day = long_date(ctx.period.as_of)
    since = ctx.since_text
    doc.add("heading1", "3. Universalization")
    doc.add("heading3", "Scope")
    ratified, acceded = u.ratified, u.acceded
    at_since = f"at the time of {since}" if ctx.since_meeting else f"on {since}"
    doc.paragraph(
        f"{u.states_parties_at_since} States were Parties to the CCM {at_since}. Since then "
        f"{states(len(ratified), 'signatory', 'signatories').split(' ')[0]}",
        doc.note(state_names(ratified)),
        f" {verb(len(ratified), 'signatory has', 'signatories have')} ratified and "
        f"{states(len(acceded), 'state', 'states').split(' ')[0]}",
        doc.note(state_names(acceded)),
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
            doc.note(state_names(u.withdrawals)),
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
        doc.note(state_names(u.signatories_yet_to_ratify)),
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
            text += (
                f" {len(u.campaigns)} joint {verb(len(u.campaigns), 'campaign', 'campaigns')} went out in the period."
            )
        doc.paragraph(text)
    else:
        doc.paragraph(f"No universalization démarches are recorded since {since}.")
    doc.challenges(ctx.next_code)


def _region(region: str) -> str:
    return {"Americas": "the Americas", "Oceania": "the Pacific"}.get(region, region)


def obligations_section(doc: Document, ctx: Context, summary, heading: str) -> None:
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
        doc.note(state_names(total)),
        f" States Parties have reported that they have or have had obligations under Article {article} of the CCM. "
        f"{capital(states(len(completed)))}",
        doc.note(state_names(completed)),
        f" {verb(len(completed), 'has', 'have')} declared completion of {verb(len(completed), 'its', 'their')} "
        f"{what} obligations",
    ]
    if completed:
        runs += [f", {some(len(in_period))}", doc.note(state_names(in_period)), f" of them since {since}"]
    runs.append(".")
    if summary.undetermined:
        runs += [
            f" For {len(summary.undetermined)} more",
            doc.note(state_names(summary.undetermined)),
            " completion is recorded without a date, so they are counted neither as completed nor as current.",
        ]
    runs += [
        f" There are thus {states(len(current))}",
        doc.note(state_names(current)),
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


def _retention(doc: Document, summary) -> None:
    retaining = summary.retaining
    if not summary.retention:
        doc.paragraph("No retention figures under Article 3(6) are recorded for a year before this report.")
        return
    if summary.retaining_none:
        ended = summary.retaining_none
        doc.paragraph(
            f"{capital(states(len(ended)))}",
            doc.note(state_names(ended)),
            f" {verb(len(ended), 'reports', 'report')} retaining none in {verb(len(ended), 'its', 'their')} "
            "latest figures under Article 3(6).",
        )
    if not retaining:
        return
    years = sorted({line.year for line in retaining})
    silent = summary.use_not_reported
    opening = (
        f"{capital(states(len(retaining)))} {verb(len(retaining), 'reports', 'report')} retaining cluster munitions "
        f"or explosive submunitions under Article 3(6) (figures for {', '.join(map(str, years))}). "
    )
    if not silent:
        doc.paragraph(opening + "Their use of them is reported (Article 3(8)).")
        return
    doc.paragraph(
        opening + capital(states(len(silent))),
        doc.note(state_names(silent)),
        f" {verb(len(silent), 'has', 'have')} not reported {verb(len(silent), 'its', 'their')} use of them "
        "(Article 3(8)).",
    )


def victim_assistance_section(doc: Document, ctx: Context, va) -> None:
    doc.add("heading1", "6. Victim Assistance")
    doc.add("heading3", "Scope")
    if va.recorded:
        doc.paragraph(
            f"{capital(states(len(va.states_parties)))}",
            doc.note(state_names(va.states_parties)),
            f" and {states(len(va.signatories), 'signatory', 'signatories')}",
            doc.note(state_names(va.signatories)),
            " are recorded as having cluster munition victims in areas under their jurisdiction or control "
            "(Article 5).",
        )
    else:
        doc.paragraph("Victim assistance obligations (Article 5) are not recorded for this report.")
    doc.add("heading3", "Progress")
    doc.paragraph(_engagements_text(va.engagements, ctx, "victim assistance"))
    doc.challenges(ctx.next_code)


def _engagements_text(tally, ctx: Context, area: str) -> str:
    if not tally.total:
        return f"No {area} engagements are recorded since {ctx.since_text}."
    kinds = ", ".join(f"{count} {kind.replace('-', ' ')}" for kind, count in sorted(tally.by_kind.items()))
    return f"Since {ctx.since_text}, {tally.total} {area} engagements are recorded ({kinds})."


def _coalitions_text(doc: Document, co) -> None:
    """The country coalitions: who coordinates with whom, what is open, what no one answers."""
    from ccmtui.domain.coalitions import money

    if not co.coalitions:
        doc.paragraph("No country coalitions are recorded for this report.")
        return
    for line in co.coalitions:
        lead = ", ".join(line.lead_donors) or "no lead donor yet"
        needed = f" ({money(line.needed)} where known)" if line.needed else ""
        funded = f"; its activities are funded for {money(line.funded)}" if line.funded else ""
        doc.paragraph(
            f"The country coalition for {line.state} is coordinated with {lead}, with {len(line.partners)} "
            f"{'partner' if len(line.partners) == 1 else 'partners'}; {line.open_needs} "
            f"{'need is' if line.open_needs == 1 else 'needs are'} open{needed}{funded}."
            + (" Some of its records are illustrative." if line.illustrative else "")
        )
    if co.needs_without_offer:
        doc.paragraph(
            f"{len(co.needs_without_offer)} {'need has' if len(co.needs_without_offer) == 1 else 'needs have'} "
            "no offer yet: " + "; ".join(f"{n.state}, {n.details}" for n in co.needs_without_offer) + "."
        )


def cooperation_section(doc: Document, ctx: Context, co) -> None:
    doc.add("heading1", "7. International cooperation and assistance")
    doc.add("heading3", "Scope")
    doc.paragraph(
        f"{capital(states(len(co.with_obligations)))}",
        doc.note(state_names(co.with_obligations)),
        f" {verb(len(co.with_obligations), 'has', 'have')} current obligations under Articles 3, 4 or 5 for which "
        "Article 6 provides for cooperation and assistance.",
    )
    doc.add("heading3", "Progress")
    if co.recorded:
        doc.paragraph(
            f"{capital(states(len(co.in_need)))}",
            doc.note(state_names(co.in_need)),
            f" reported a need for cooperation and assistance; {states(len(co.providing_states_parties))}",
            doc.note(state_names(co.providing_states_parties)),
            f" and {states(len(co.providing_signatories), 'signatory', 'signatories')}",
            doc.note(state_names(co.providing_signatories)),
            " reported providing it.",
        )
    else:
        doc.paragraph("Reports of needing or providing cooperation and assistance are not recorded for this report.")
    _coalitions_text(doc, co)
    doc.paragraph(_engagements_text(co.engagements, ctx, "cooperation"))
    doc.challenges(ctx.next_code)


def transparency_section(doc: Document, ctx: Context, tr) -> None:
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
            doc.note(state_names(overdue)),
            f" {verb(len(overdue), 'is', 'are')} late with {verb(len(overdue), 'its', 'their')} initial report.",
        )
        latest = tr.latest_round
        if latest:
            doc.paragraph(
                f"Of the {latest.owed} annual reports covering {latest.year}, due {long_date(latest.due)}, "
                f"{len(latest.on_time)} came on time, {len(latest.late)} late",
                doc.note(state_names(latest.late)),
                f" and {len(latest.missing)} are missing",
                doc.note(state_names(latest.missing)),
                ".",
            )
    else:
        doc.paragraph(*transparency_trend(tr, long_date(ctx.period.as_of)))
    doc.challenges(ctx.next_code)


def national_measures_section(doc: Document, ctx: Context, nim) -> None:
    doc.add("heading1", "10. National Implementation Measures")
    if nim.recorded:
        adopted = nim.with_status("adopted")
        existing = nim.with_status("existing-law")
        progress = nim.with_status("in-progress")
        doc.paragraph(
            f"{capital(states(len(adopted)))}",
            doc.note(state_names(adopted)),
            f" {verb(len(adopted), 'has', 'have')} adopted specific legislation (Article 9), "
            f"{len(nim.adopted_in_period)}",
            doc.note(state_names(nim.adopted_in_period)),
            f" of them since {ctx.since_text}; {states(len(existing))}",
            doc.note(state_names(existing)),
            f" consider existing law sufficient and {states(len(progress))}",
            doc.note(state_names(progress)),
            f" {verb(len(progress), 'is', 'are')} preparing measures. For {states(len(nim.without_record))} nothing is "
            "recorded.",
        )
    else:
        doc.paragraph("National implementation measures (Article 9) are not recorded for this report.")
    doc.challenges(ctx.next_code)
