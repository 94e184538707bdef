"""`ccm campaign chase`: letters to the targets that have not answered, and the chaser campaign."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.actions.campaigns import CampaignPlan, create_campaign, plan_campaign
from ccmtui.actions.fields import Written
from ccmtui.db.ids import resolve_id, short
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError

if TYPE_CHECKING:
    from ccmtui.reports.register import Register


@dataclass
class ChasePlan:
    campaign: CampaignPlan
    letters: list
    template: object
    folder: Path
    merge: bool
    first_title: str


def plan_chase(
    register: Register,
    *,
    campaign: str,
    after: int,
    template: Path | None,
    out: Path,
    merge: bool = False,
    config: Mapping,
    today: date | None = None,
) -> ChasePlan:
    """The targets of `campaign` with no reply `after` days after the letter went (or reached them),
    their letters merged from `template`, and the chaser campaign that follows it; nothing written."""
    from ccmtui.reports.chaser_letters import Letter, default_template, read_template

    today = today or date.today()
    if after < 0:
        raise InputError(f"--after {after}: give a number of days, 0 or more")
    reader = register.reader
    uuid = resolve_id(reader, Q.campaign_ids, campaign, "campaign")
    (row,) = reader.rows(Q.campaign_summary, campaign=uuid)
    if template is not None:
        try:
            data = Path(template).read_bytes()
        except OSError as error:
            raise InputError(f"cannot read {template}: {error.strerror or error}") from None
        document = read_template(data, str(template))
    else:
        document = read_template(default_template(), "the default template")
    sent = row.occurred_on
    cutoff = today - timedelta(days=after)
    replies = reader.rows(Q.replies_of_engagement, engagement=row.engagement_uuid)
    answered = {r.iso3 for r in replies if r.status == "replied"}
    due = {r.iso3 for r in replies if r.iso3 not in answered and (r.delivered_on or sent) <= cutoff}
    if not due:
        raise InputError(
            f"no target of '{row.title}' is without a reply {after} days after the letter; nothing to chase"
        )
    waiting = sorted({r.iso3 for r in replies if r.iso3 not in answered} - due)
    chaser = plan_campaign(
        register,
        title=f"Chaser: {row.title}"[:200],
        to=[f"campaign:{short(uuid)}:unanswered"],
        except_=waiting,
        kind="letter",
        date=today.isoformat(),
        area=row.area,
        config=config,
        today=today,
    )
    letters = [
        Letter(
            state.iso3,
            {
                "state": state.name,
                "mission": f"Permanent Mission of {state.name}",
                "counterpart": "",
                "demarche_date": sent.isoformat(),
                "demarche_title": row.title,
                "today": today.isoformat(),
            },
        )
        for state in chaser.targets
    ]
    return ChasePlan(chaser, letters, document, Path(out), merge, row.title)


def chase(writing, plan: ChasePlan) -> Written:
    """Write the letters, then record the chaser campaign (it follows the first)."""
    from ccmtui.reports.chaser_letters import write_letters

    try:
        paths = write_letters(plan.template, plan.letters, plan.folder, merge=plan.merge)
    except OSError as error:
        raise InputError(f"cannot write the letters in {plan.folder}: {error.strerror or error}") from None
    written = create_campaign(writing, plan.campaign)
    what = f"1 merged document, {len(plan.letters)} letters" if plan.merge else f"{len(paths)} letters"
    return Written(
        {**written.record, "letters": [str(p) for p in paths]},
        f"Wrote {what} in {plan.folder}; recorded chaser campaign {short(written.record['uuid'])} "
        f"following '{plan.first_title}'.",
    )
