"""What joining the Convention would commit a state to, from a deposit date: a one-page brief.

Every date is computed from the Convention's text (ccmtui.domain.treaty): entry into force
(Art. 17(2)), the initial and annual transparency reports (Art. 7(1), 7(2)), stockpile destruction
(Art. 3(2)) and clearance (Art. 4(1)) where they apply, with the meetings recorded in that period.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from ccmtui.domain import treaty
from ccmtui.domain.errors import InputError
from ccmtui.domain.treaty import FORMAL_MEETING_KINDS
from ccmtui.domain.words import capital, possessive


@dataclass(frozen=True)
class Commitment:
    on: date | None  # None: no date runs (Art. 5, Art. 9)
    what: str
    article: str
    note: str = ""


@dataclass
class WhatIf:
    iso3: str
    name: str
    deposit: date
    instrument: str  # ratification (a signatory, Art. 16(1)) or accession (Art. 16(2))
    entry_into_force: date
    stocks: bool
    contaminated: bool
    victims: bool
    commitments: list[Commitment] = field(default_factory=list)
    meetings: list[tuple[str, str, date, date]] = field(default_factory=list)  # code, name, start, end
    last_meeting_recorded: date | None = None

    @property
    def horizon(self) -> date:
        return max(c.on for c in self.commitments if c.on)


def what_if(state, deposit: date, meetings, *, stocks: bool, contaminated: bool, victims: bool) -> WhatIf:
    """The commitments a deposit on `deposit` sets running for `state` (a register entry).

    Refused: a deposit before the Convention opened for signature (Art. 15: 3 December 2008),
    or for a state already party.
    """
    if deposit < treaty.OPENED_FOR_SIGNATURE:
        raise InputError(
            f"deposit {deposit} is before 2008-12-03: the Convention was open for signature from then (Art. 15) "
            "and instruments are deposited after it (Art. 16)"
        )
    withdrawn = (
        state.withdrawal_notified is not None and treaty.withdrawal_effective(state.withdrawal_notified) <= deposit
    )
    if state.deposited is not None and not withdrawn:
        raise InputError(
            f"{state.name} is already a State Party: its instrument was deposited on {state.deposited} (Art. 16, 17)"
        )
    if withdrawn and deposit < treaty.withdrawal_effective(state.withdrawal_notified):
        raise InputError(
            f"{capital(possessive(state.name, 'withdrawal'))} takes effect on {treaty.withdrawal_effective(state.withdrawal_notified)} (Art. 20(2))"
        )
    signed = state.signed is not None and state.signed <= deposit
    in_force = treaty.entry_into_force(deposit)
    result = WhatIf(
        iso3=state.iso3,
        name=state.name,
        deposit=deposit,
        instrument="ratification" if signed else "accession",
        entry_into_force=in_force,
        stocks=stocks,
        contaminated=contaminated,
        victims=victims,
    )
    c = result.commitments
    c.append(
        Commitment(
            in_force,
            "The Convention enters into force; its prohibitions bind the state (Art. 1)",
            "Art. 17(2)",
            "the first day of the sixth month after the month of deposit",
        )
    )
    c.append(
        Commitment(
            treaty.initial_report_due(in_force),
            "Initial transparency report to the UN Secretary-General",
            "Art. 7(1)",
            "no later than 180 days after entry into force",
        )
    )
    first = treaty.first_annual_report_year(in_force)
    c.append(
        Commitment(
            treaty.annual_report_due(first),
            f"First annual transparency report (covering {first})",
            "Art. 7(2)",
            "then by 30 April every year, covering the previous calendar year",
        )
    )
    c.append(
        Commitment(
            None,
            "National implementation measures, including penal sanctions",
            "Art. 9",
            "no deadline; reported in the transparency reports (Art. 7(1))",
        )
    )
    if stocks:
        deadline = treaty.stockpile_destruction_deadline(in_force)
        c.append(
            Commitment(
                deadline,
                "Destroy all stockpiled cluster munitions",
                "Art. 3(2)",
                "eight years after entry into force; extensions of up to four years may be requested "
                "from a Meeting of States Parties or Review Conference (Art. 3(3)-(5))",
            )
        )
        c.append(
            Commitment(
                None, "Any cluster munitions retained for training or development, reported yearly", "Art. 3(6)-(8)"
            )
        )
    if contaminated:
        deadline = treaty.clearance_deadline(in_force)
        c.append(
            Commitment(
                deadline,
                "Clear and destroy cluster munition remnants in contaminated areas",
                "Art. 4(1)",
                "ten years after entry into force; extensions of up to five years may be requested (Art. 4(5)-(8))",
            )
        )
    if victims:
        c.append(
            Commitment(
                None,
                "Assist cluster munition victims in areas under its jurisdiction or control",
                "Art. 5",
                "no deadline; a national plan and focal point, reported in the transparency reports",
            )
        )
    c.sort(key=lambda x: (x.on is None, x.on or date.max))
    horizon = result.horizon
    meetings = [m for m in meetings if getattr(m, "kind", "msp") in FORMAL_MEETING_KINDS]
    for m in meetings:
        if deposit <= m.start <= horizon:
            result.meetings.append((m.code, m.name, m.start, m.end))
    result.last_meeting_recorded = max((m.end for m in meetings), default=None)
    return result


def _long(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def render_markdown(w: WhatIf) -> str:
    held = [
        what
        for flag, what in ((w.stocks, "stockpiles"), (w.contaminated, "contaminated areas"), (w.victims, "victims"))
        if flag
    ]
    lines = [
        f"# {w.name}: what joining the Convention on Cluster Munitions commits it to",
        "",
        f"If {w.name} deposits its instrument of {w.instrument} on {_long(w.deposit)}, the Convention enters into force "
        f"for it on {_long(w.entry_into_force)} (Art. 17(2)).",
        f"Assumed: {', '.join(held) if held else 'no stockpiles, no contaminated areas, no victims'} (as given).",
        "",
        "| Date | Commitment | Article |",
        "|---|---|---|",
    ]
    for c in w.commitments:
        day = _long(c.on) if c.on else "no deadline"
        note = f" — {c.note}" if c.note else ""
        lines.append(f"| {day} | {c.what}{note} | {c.article} |")
    lines += ["", "## Meetings in that period", ""]
    if w.meetings:
        lines += [f"- {code}, {name}: {_long(start)} to {_long(end)}" for code, name, start, end in w.meetings]
    else:
        last = f" (the last recorded ended on {_long(w.last_meeting_recorded)})" if w.last_meeting_recorded else ""
        lines.append(
            f"No meeting recorded between the deposit and {_long(w.horizon)}{last}. "
            "A request to extend a deadline goes to a Meeting of States Parties or a Review Conference "
            "(Art. 3(3), 4(5)), submitted nine months before it."
        )
    lines += ["", "*Dates computed from the Convention's articles; a brief, not legal advice.*", ""]
    return "\n".join(lines)


def render_docx(w: WhatIf, paper: str = "a4") -> bytes:
    """The brief as a Word file: A4 (or letter), its table's columns fitted to their content."""
    from ccmtui.reports.docx_layout import fitted_table, new_document

    title = f"{w.name}: what joining the Convention on Cluster Munitions commits it to"
    document = new_document(paper, title=title)
    document.add_heading(title, level=1)
    body = render_markdown(w).split("\n")
    document.add_paragraph(body[2])
    document.add_paragraph(body[3])
    fitted_table(
        document,
        ("Date", "Commitment", "Article"),
        [
            [_long(c.on) if c.on else "no deadline", c.what + (f" — {c.note}" if c.note else ""), c.article]
            for c in w.commitments
        ],
    )
    document.add_heading("Meetings in that period", level=2)
    if w.meetings:
        for code, name, start, end in w.meetings:
            document.add_paragraph(f"{code}, {name}: {_long(start)} to {_long(end)}", style="List Bullet")
    else:
        document.add_paragraph(next(line for line in body if line.startswith("No meeting recorded")))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
