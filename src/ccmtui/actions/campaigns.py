"""Campaigns (one démarche or letter to many states) and the replies that come back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written, day, given, named, not_future
from ccmtui.actions.journal import NewEngagement, add_engagement, engagement_fields
from ccmtui.db.ids import resolve_id, short
from ccmtui.db.queries import Q
from ccmtui.domain.categories import check_classifiable, parse_category
from ccmtui.domain.engagements import parse_stance
from ccmtui.domain.errors import InputError, NotFoundError
from ccmtui.domain.reasons import join as join_reasons
from ccmtui.domain.reasons import parse_reasons
from ccmtui.domain.values import check as check_values
from ccmtui.reports.register import Register, parse_statuses

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer

TARGET_KINDS = ("category", "region", "grouping", "status", "state", "campaign")
CAMPAIGN_REPLIES = ("unanswered", "replied", "stance:positive", "stance:neutral", "stance:negative")


@dataclass
class TargetSelection:
    """`--to` choices: the same kind is a union, different kinds narrow; named states are added."""

    categories: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    subregions: set[str] = field(default_factory=set)
    intermediate_regions: set[str] = field(default_factory=set)
    statuses: set = field(default_factory=set)
    # `grouping:ASEAN`: the members of political groupings on the campaign's day (domain/groupings.py)
    groupings: set[str] = field(default_factory=set)
    states: list[str] = field(default_factory=list)
    excluded: set[str] = field(default_factory=set)
    # `campaign:ID:unanswered`: the targets of earlier campaigns, by how they answered
    campaigns: list[str] = field(default_factory=list)
    from_campaigns: set[str] | None = None
    follows: str | None = None  # the first campaign named: a chaser links to it

    def describe(self) -> str:
        parts = list(self.campaigns)
        parts += [f"category:{c}" for c in sorted(self.categories)]
        parts += [f"region:{r}" for r in sorted(self.regions | self.subregions | self.intermediate_regions)]
        parts += [f"grouping:{g}" for g in sorted(self.groupings)]
        parts += [f"status:{s.value}" for s in sorted(self.statuses, key=lambda s: s.value)]
        parts += self.states
        parts += [f"except:{s}" for s in sorted(self.excluded)]
        return " ".join(parts)


def parse_targets(register: Register, specs: list[str], excluded: list[str] = ()) -> TargetSelection:
    """Read `--to` values: `category:II`, `region:Asia` (or a sub-region or intermediate region such as
    Western Africa), `grouping:ASEAN`, `status:non-signatory`, or a state."""
    selection = TargetSelection()
    picked = {
        "region": selection.regions,
        "subregion": selection.subregions,
        "intermediate": selection.intermediate_regions,
    }
    for spec in specs:
        kind, _, value = spec.partition(":")
        kind = kind.strip().lower()
        if kind == "campaign" and value:
            _campaign_targets(register, value, selection)
            continue
        if not value or kind not in ("category", "region", "grouping", "status", "state"):
            selection.states.append(register.index.resolve(spec))
            continue
        if kind == "category":
            selection.categories.add(parse_category(value).value)
        elif kind == "region":
            which, name = register.region_groups().match(value)
            picked[which].add(name)
        elif kind == "grouping":
            from ccmtui.reports.momentum import grouping_book

            selection.groupings.add(grouping_book().resolve(value).code)
        elif kind == "status":
            selection.statuses |= parse_statuses([value])
        else:
            selection.states.append(register.index.resolve(value))
    selection.excluded = {register.index.resolve(text) for text in excluded}
    if not (
        selection.categories
        or selection.regions
        or selection.subregions
        or selection.intermediate_regions
        or selection.statuses
        or selection.groupings
        or selection.states
        or selection.campaigns
    ):
        raise InputError(
            "choose the targets with --to: category:II, region:Asia, grouping:ASEAN, status:non-signatory, "
            "campaign:ID:unanswered or a state"
        )
    return selection


def _campaign_targets(register: Register, value: str, selection: TargetSelection) -> None:
    """`campaign:ID:unanswered` (pending, or closed with no reply), `campaign:ID:replied`,
    `campaign:ID:stance:negative`: the targets of an earlier campaign, by their answer."""
    text, _, which = value.partition(":")
    which = which.strip().lower() or "unanswered"
    if which not in CAMPAIGN_REPLIES:
        raise InputError(
            f"bad --to campaign:{value}: after the campaign's id give unanswered, replied or stance:positive|neutral|negative"
        )
    reader = register.reader
    uuid = resolve_id(reader, Q.campaign_ids, text.strip(), "campaign")
    (row,) = reader.rows(Q.campaign_summary, campaign=uuid)
    replies = reader.rows(Q.replies_of_engagement, engagement=row.engagement_uuid)
    if which == "unanswered":
        chosen = {r.iso3 for r in replies if r.status != "replied"}
    elif which == "replied":
        chosen = {r.iso3 for r in replies if r.status == "replied"}
    else:
        stance = which.partition(":")[2]
        chosen = {r.iso3 for r in replies if r.status == "replied" and r.stance == stance}
    selection.from_campaigns = chosen if selection.from_campaigns is None else selection.from_campaigns | chosen
    selection.campaigns.append(f"campaign:{short(uuid)}:{which}")
    selection.follows = selection.follows or (row.follows_uuid or uuid)


def select_targets(register: Register, selection: TargetSelection, on: date) -> list:
    """The states a selection names on a day, in the register's order (by name)."""
    chosen = []
    by_region = selection.regions or selection.subregions or selection.intermediate_regions
    narrowing = (
        selection.categories
        or by_region
        or selection.statuses
        or selection.groupings
        or selection.from_campaigns is not None
    )
    in_groupings: set[str] = set()
    if selection.groupings:
        from ccmtui.reports.momentum import grouping_book

        for code in selection.groupings:
            in_groupings |= grouping_book().members_on(code, on)
    groups = register.region_groups() if selection.intermediate_regions else None
    in_intermediate = {
        iso3 for name in selection.intermediate_regions for iso3 in groups.states_in("intermediate", name)
    }
    for state in register.on(on):
        if state.iso3 in selection.excluded:
            continue
        named = state.iso3 in selection.states
        matches = bool(narrowing) and (
            (not selection.categories or state.category in selection.categories)
            and (
                not by_region
                or state.region in selection.regions
                or state.subregion in selection.subregions
                or state.iso3 in in_intermediate
            )
            and (not selection.statuses or state.status in selection.statuses)
            and (not selection.groupings or state.iso3 in in_groupings)
            and (selection.from_campaigns is None or state.iso3 in selection.from_campaigns)
        )
        if named or matches:
            chosen.append(state)
    if not chosen:
        raise InputError(f"no state matches {selection.describe()} on {on}")
    return chosen


def write_campaign(
    writer: Writer,
    title: str,
    engagement: NewEngagement,
    selection: TargetSelection,
    *,
    uuid: str | None = None,
) -> dict:
    """The campaign, its engagement with every target, and a pending reply for each."""
    title = " ".join(title.split())
    if not title:
        raise InputError("the campaign title is empty")
    row = add_engagement(writer, engagement)
    values = {
        "title": title,
        "engagement_uuid": row["uuid"],
        "selection": selection.describe()[:500],
        "recorded_by": writer.by,
    }
    if selection.follows:
        values["follows_uuid"] = selection.follows
    if uuid:
        values["uuid"] = uuid
    campaign = writer.insert("campaigns", values)
    for iso3 in dict.fromkeys(engagement.states):
        writer.insert(
            "replies",
            {"engagement_uuid": row["uuid"], "iso3": iso3, "status": "pending", "recorded_by": writer.by},
        )
    return campaign


@dataclass
class NewReply:
    iso3: str
    received_on: date
    stance: str
    summary: str = ""
    supports_category: str | None = None
    classify: bool = False
    reasons: list[str] = field(default_factory=list)


def record_reply(writer: Writer, engagement_uuid: str, reply: NewReply, register: Register) -> dict:
    """Record a state's reply to an engagement; with `classify`, its category in the same step."""
    engagement = writer.get("engagements", engagement_uuid)
    state = register.record(reply.iso3)
    targeted = {row.iso3 for row in writer.rows(Q.states_of_engagements, uuids=[engagement_uuid])}
    if reply.iso3 not in targeted:
        raise InputError(f"{state.name} was not a target of this engagement; nothing recorded")
    if reply.received_on < engagement["occurred_on"]:
        raise InputError(
            f"the reply ({reply.received_on}) is dated before the engagement ({engagement['occurred_on']})"
        )
    stance = parse_stance(reply.stance)
    category = parse_category(reply.supports_category).value if reply.supports_category else None
    if reply.classify and not category:
        raise InputError("--classify needs the category the reply supports (--category I|II|III)")
    classification = None
    if reply.classify:
        from ccmtui.actions.journal import classify

        check_classifiable(state, reply.received_on)
        rationale = reply.summary.strip() or f"Reply of {reply.received_on} to an engagement ({stance})."
        classification = classify(
            writer, state, category, reply.received_on, rationale, engagement_uuid, reasons=reply.reasons
        )
    values = {
        "status": "replied",
        "received_on": reply.received_on,
        "stance": stance,
        "summary": " ".join(reply.summary.split()),
        "supports_category": category,
        "classification_uuid": classification["uuid"] if classification else None,
        "recorded_by": writer.by,
        "reasons": join_reasons(reply.reasons),
    }
    # A further reply is added to the state's thread; the first one fills the pending place.
    waiting = next(
        (r for r in writer.rows(Q.replies_of_engagement, engagement=engagement_uuid)
         if r.iso3 == reply.iso3 and r.status != "replied"),
        None,
    )  # fmt: skip
    if waiting is None:
        row = writer.insert("replies", {"engagement_uuid": engagement_uuid, "iso3": reply.iso3, **values})
    else:
        row = writer.update("replies", waiting.uuid, values)
    clear_follow_up_when_answered(writer, engagement_uuid)
    return row


def clear_follow_up_when_answered(writer: Writer, engagement_uuid: str) -> bool:
    """A campaign's follow-up is done once every target has answered: it clears itself."""
    engagement = writer.get("engagements", engagement_uuid)
    if engagement is None or engagement["follow_up_on"] is None:
        return False
    if not writer.rows(Q.campaign_of_engagement, engagement=engagement_uuid):
        return False
    replies = writer.rows(Q.replies_of_engagement, engagement=engagement_uuid)
    if not replies or any(r.status != "replied" for r in replies):
        return False
    writer.update("engagements", engagement_uuid, {"follow_up_on": None})
    return True


def mark_no_reply(writer: Writer, engagement_uuid: str) -> int:
    """Mark every reply still pending as no reply; the number marked."""
    pending = [r for r in writer.rows(Q.replies_of_engagement, engagement=engagement_uuid) if r.status == "pending"]
    for reply in pending:
        writer.update("replies", reply.uuid, {"status": "no-reply"})
    return len(pending)


# -- the actions behind `ccm campaign new|close`, `ccm reply` and the app's dialogs


@dataclass
class CampaignPlan:
    """A campaign checked and its targets chosen, not yet written: shown first, then created."""

    title: str
    selection: TargetSelection
    targets: list
    engagement: NewEngagement

    @property
    def heading(self) -> str:
        count = len(self.targets)
        return f"{count} target{'s' * (count != 1)} ({self.selection.describe()})"


def _checked_title(title: str) -> str:
    """A title every backend holds: it is also the campaign engagement's summary."""
    check_values("campaigns", {"title": title})
    check_values("engagements", {"summary": title})
    return title


def plan_campaign(
    register: Register,
    *,
    title: str,
    to: Sequence[str],
    except_: Sequence[str] = (),
    kind: str | None = None,
    date: str | None = None,
    area: str | None = None,
    channel: str | None = None,
    by: Sequence[str] = (),
    notes: str = "",
    action_points: Sequence[str] = (),
    follow_up: str | None = None,
    config: Mapping,
    today: date | None = None,
) -> CampaignPlan:
    """Check a new campaign's fields and choose its targets on its date; nothing is written."""
    fields = Fields()
    line = fields("title", lambda: _checked_title(named(" ".join(title.split()), "the campaign title is empty")))
    fields("notes", lambda: check_values("engagements", {"notes": notes}))
    basics = engagement_fields(
        fields,
        register,
        kind=given(kind) or "demarche",
        date=date,
        area=area,
        channel=channel,
        by=by,
        action_points=action_points,
        follow_up=follow_up,
        config=config,
        today=today,
        default_channel="capital",
    )
    excluded = fields("except", lambda: [register.index.resolve(text) for text in except_ if text.strip()])
    selection = fields("to", lambda: parse_targets(register, [t for t in to if t.strip()], excluded or []))
    targets: list = []
    if selection and fields.ok("date", "except"):
        targets = fields("to", lambda: select_targets(register, selection, basics["occurred_on"]))
    fields.check()
    engagement = NewEngagement(summary=line, states=[s.iso3 for s in targets], notes=notes, **basics)
    return CampaignPlan(title=line, selection=selection, targets=targets, engagement=engagement)


def create_campaign(writing, plan: CampaignPlan) -> Written:
    """Write a planned campaign: its engagement with every target, and a pending reply for each."""
    with writing(f"campaign new '{plan.title}' to {len(plan.targets)} states") as writer:
        campaign = write_campaign(writer, plan.title, plan.engagement, plan.selection)
    return Written(campaign, f"Created campaign {short(campaign['uuid'])}: {len(plan.targets)} pending replies.")


def reply_target(reader: Reader, text: str) -> tuple[str, str]:
    """(engagement uuid, how to name it) for a campaign id or an engagement id."""
    try:
        campaign = resolve_id(reader, Q.campaign_ids, text, "campaign")
    except NotFoundError:
        engagement = resolve_id(reader, Q.engagement_ids, text, "campaign or engagement")
        found = reader.rows(Q.campaign_of_engagement, engagement=engagement)
        return engagement, f"'{found[0].title}'" if found else f"engagement {short(engagement)}"
    (row,) = reader.rows(Q.campaign_summary, campaign=campaign)
    return row.engagement_uuid, f"'{row.title}'"


def record_state_reply(
    register: Register,
    writing,
    *,
    to: str,
    state: str,
    stance: str,
    summary: str = "",
    date: str | None = None,
    category: str | None = None,
    classify: bool = False,
    reasons: Sequence[str] = (),
    extra_reasons: Mapping | None = None,
    today: date | None = None,
) -> Written:
    """Record a state's reply to a campaign or an engagement; with `classify`, its category too.
    `reasons` are the obstacles it names (domain/reasons.py; `extra_reasons` from config)."""
    fields = Fields()
    target = fields("to", lambda: reply_target(register.reader, to))
    iso3 = fields("state", lambda: register.index.resolve(named(state, "name the state that replied")))
    chosen = fields("stance", lambda: parse_stance(stance or ""))
    received = fields("date", lambda: not_future(day(register, date, today), today))
    codes = fields("reasons", lambda: parse_reasons(reasons, extra_reasons))
    fields.check()
    engagement_uuid, label = target
    new = NewReply(
        iso3=iso3,
        received_on=received,
        stance=chosen,
        summary=summary,
        supports_category=category or None,
        classify=classify,
        reasons=codes,
    )
    name = register.index.name(iso3)
    with writing(f"reply from {name} to {label}") as writer:
        row = record_reply(writer, engagement_uuid, new, register)
    extra = f"; Category {row['supports_category']} recorded" if classify else ""
    return Written(row, f"Reply from {name} ({chosen}) to {label} recorded{extra}.")


def close_campaign(reader: Reader, writing, *, campaign: str) -> Written:
    """Mark every reply still pending as no reply."""
    uuid = resolve_id(reader, Q.campaign_ids, campaign, "campaign")
    (row,) = reader.rows(Q.campaign_summary, campaign=uuid)
    with writing(f"campaign close '{row.title}'") as writer:
        marked = mark_no_reply(writer, row.engagement_uuid)
    return Written(
        {"uuid": row.uuid, "engagement_uuid": row.engagement_uuid, "title": row.title, "marked": marked},
        f"{row.title}: {marked} pending repl{'y' if marked == 1 else 'ies'} marked as no reply.",
    )
