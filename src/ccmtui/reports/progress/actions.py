"""The report's section on the action plan in force, action by action: how many of the States Parties an
action concerns have done it, as the Beirut and San José reports count ("how many … have implemented
actions 20, 21, 22, 23 and 26"), with an annex table of every action that has a value."""

from __future__ import annotations

from ccmtui.domain.action_plan import ACTION_PLANS
from ccmtui.domain.areas import AREAS
from ccmtui.reports.action_plan import ActionStanding
from ccmtui.reports.progress.context import Context
from ccmtui.reports.progress.document import Block, Document, TableSpec
from ccmtui.reports.progress.wording import state_names, verb


def _reported(actions: list[ActionStanding]) -> list[ActionStanding]:
    return [a for a in actions if a.states]


def action_plan_section(doc: Document, ctx: Context, actions: list[ActionStanding], number: int) -> None:
    plan = ACTION_PLANS[ctx.plan]
    doc.add("heading1", f"{number}. The {plan}, action by action")
    reported = _reported(actions)
    if not reported:
        doc.paragraph(f"No indicator values are recorded for the actions of the {plan} up to {ctx.period.as_of.year}.")
        return
    for area in dict.fromkeys(a.area for a in reported):
        doc.add("heading3", AREAS.get(area, "Actions without a recorded thematic area"))
        for action in (a for a in reported if a.area == area):
            concerned, done = action.concerned, action.done
            title = f" ({action.title})" if action.title else ""
            if not concerned:
                doc.paragraph(f"Action {action.code}{title} concerns none of the States Parties with a value.")
                continue
            doc.paragraph(
                f"Action {action.code}{title}: {len(done)} of the "
                + (
                    "one State Party concerned" if len(concerned) == 1 else f"{len(concerned)} States Parties concerned"
                ),
                doc.note(state_names(concerned)),
                f" {verb(len(done), 'has', 'have')} done it",
                doc.note(state_names(done)) if done else None,
                ".",
            )

    sources = dict.fromkeys(part for a in reported for s in a.states for part in s.source.split("; ") if part)
    if sources:
        doc.paragraph(f"The values come from: {'; '.join(sources)}.")


def action_plan_annex(ctx: Context, actions: list[ActionStanding]) -> list[Block]:
    rows = [[a.code, AREAS.get(a.area, ""), str(len(a.concerned)), str(len(a.done))] for a in _reported(actions)]
    table = TableSpec(
        f"The {ACTION_PLANS[ctx.plan]}: States Parties concerned and those that have done each action",
        ["Action", "Area", "Concerned", "Done"],
        rows,
        note="" if rows else "No indicator values recorded.",
    )
    return [
        Block("heading1", [f"Annex 3: The {ACTION_PLANS[ctx.plan]}, action by action"]),
        Block("table", table=table),
    ]
