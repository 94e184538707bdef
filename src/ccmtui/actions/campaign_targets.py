"""Campaigns over months: targets added and removed after launch, and deliveries over weeks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from datetime import date as _date
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written, day, named
from ccmtui.db.ids import resolve_id
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError
from ccmtui.reports.register import Register

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
from ccmtui.actions.campaigns import clear_follow_up_when_answered


def _campaign_row(reader: Reader, text: str):
    uuid = resolve_id(
        reader, Q.campaign_ids, named(text, "name the campaign by its id (ccm campaign list)"), "campaign"
    )
    (row,) = reader.rows(Q.campaign_summary, campaign=uuid)
    return row


def _states(register: Register, names: Sequence[str]) -> list[str]:
    chosen = [register.index.resolve(text) for text in names if text.strip()]
    if not chosen:
        raise InputError("name at least one state")
    return list(dict.fromkeys(chosen))


def _names(register: Register, iso3s: Sequence[str]) -> str:
    return ", ".join(register.index.name(iso3) for iso3 in iso3s)


def add_targets(register: Register, writing, *, campaign: str, states: Sequence[str]) -> Written:
    """Add states to a campaign after its launch: each becomes a target with a pending reply."""
    fields = Fields()
    row = fields("campaign", lambda: _campaign_row(register.reader, campaign))
    chosen = fields("states", lambda: _states(register, states))
    if row and chosen:
        targeted = {r.iso3 for r in register.reader.rows(Q.replies_of_engagement, engagement=row.engagement_uuid)}
        already = [iso3 for iso3 in chosen if iso3 in targeted]
        if already:
            fields.fail(
                "states",
                f"{_names(register, already)} {'is' if len(already) == 1 else 'are'} already a target of '{row.title}'",
            )
    fields.check()
    with writing(f"campaign add-target '{row.title}' {' '.join(chosen)}") as writer:
        for iso3 in chosen:
            writer.insert("engagement_states", {"engagement_uuid": row.engagement_uuid, "iso3": iso3})
            writer.insert(
                "replies",
                {"engagement_uuid": row.engagement_uuid, "iso3": iso3, "status": "pending", "recorded_by": writer.by},
            )
    count = len(chosen)
    return Written(
        {"uuid": row.uuid, "title": row.title, "added": chosen},
        f"{row.title}: {count} target{'s' * (count != 1)} added ({_names(register, chosen)}); {row.targets + count} in all.",
    )


def remove_targets(
    register: Register, writing, *, campaign: str, states: Sequence[str], force: bool = False
) -> Written:
    """Take states off a campaign; a target that has replied stays unless `force`."""
    fields = Fields()
    row = fields("campaign", lambda: _campaign_row(register.reader, campaign))
    chosen = fields("states", lambda: _states(register, states))
    replies = {}
    if row and chosen:
        replies = {r.iso3: r for r in register.reader.rows(Q.replies_of_engagement, engagement=row.engagement_uuid)}
        missing = [iso3 for iso3 in chosen if iso3 not in replies]
        answered = [iso3 for iso3 in chosen if iso3 in replies and replies[iso3].status == "replied"]
        if missing:
            fields.fail(
                "states",
                f"{_names(register, missing)} {'is' if len(missing) == 1 else 'are'} not a target of '{row.title}'",
            )
        elif answered and not force:
            fields.fail(
                "states",
                f"{_names(register, answered)} replied to '{row.title}'; remove with --force to drop the reply too",
            )
        elif len(chosen) == len(replies):
            fields.fail("states", f"'{row.title}' would have no target left; delete the campaign instead")
    fields.check()
    with writing(f"campaign remove-target '{row.title}' {' '.join(chosen)}") as writer:
        links = {r.iso3: r for r in writer.rows(Q.states_of_engagements, uuids=[row.engagement_uuid])}
        for iso3 in chosen:
            writer.delete("replies", replies[iso3].uuid)
            if iso3 in links:
                writer.delete("engagement_states", links[iso3].uuid)
        clear_follow_up_when_answered(writer, row.engagement_uuid)
    count = len(chosen)
    return Written(
        {"uuid": row.uuid, "title": row.title, "removed": chosen},
        f"{row.title}: {count} target{'s' * (count != 1)} removed ({_names(register, chosen)}); {row.targets - count} left.",
    )


def record_delivery(
    register: Register,
    writing,
    *,
    campaign: str,
    states: Sequence[str],
    date: str | None = None,
    today: date | None = None,
) -> Written:
    """The day the letter reached these targets (embassies deliver over weeks)."""
    fields = Fields()
    row = fields("campaign", lambda: _campaign_row(register.reader, campaign))
    chosen = fields("states", lambda: _states(register, states))
    on = fields("date", lambda: day(register, date, today))
    replies = {}
    if row and chosen:
        replies = {r.iso3: r for r in register.reader.rows(Q.replies_of_engagement, engagement=row.engagement_uuid)}
        missing = [iso3 for iso3 in chosen if iso3 not in replies]
        if missing:
            fields.fail(
                "states",
                f"{_names(register, missing)} {'is' if len(missing) == 1 else 'are'} not a target of '{row.title}'",
            )
    if row and on and on < row.occurred_on:
        fields.fail("date", f"the delivery ({on}) is dated before the campaign ({row.occurred_on})")
    if on and on > (today or _date.today()):
        fields.fail("date", f"the delivery date {on} is in the future")
    fields.check()
    with writing(f"campaign delivered '{row.title}' {' '.join(chosen)}") as writer:
        for iso3 in chosen:
            writer.update("replies", replies[iso3].uuid, {"delivered_on": on})
    count = len(chosen)
    return Written(
        {"uuid": row.uuid, "title": row.title, "delivered": chosen, "on": on},
        f"{row.title}: delivered to {count} target{'s' * (count != 1)} on {on.isoformat()} ({_names(register, chosen)}).",
    )
