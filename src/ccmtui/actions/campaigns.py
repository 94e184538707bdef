"""Campaigns (one démarche or letter to many states) and the replies that come back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ccmtui.actions.journal import NewEngagement, add_engagement, check_classifiable
from ccmtui.domain.categories import parse_category
from ccmtui.domain.engagements import parse_stance
from ccmtui.domain.errors import InputError
from ccmtui.reports.register import Register, parse_statuses

TARGET_KINDS = ("category", "region", "status", "state")


@dataclass
class TargetSelection:
    """`--to` choices: the same kind is a union, different kinds narrow; named states are added."""

    categories: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    subregions: set[str] = field(default_factory=set)
    intermediate_regions: set[str] = field(default_factory=set)
    statuses: set = field(default_factory=set)
    states: list[str] = field(default_factory=list)
    excluded: set[str] = field(default_factory=set)

    def describe(self) -> str:
        parts = [f"category:{c}" for c in sorted(self.categories)]
        parts += [f"region:{r}" for r in sorted(self.regions | self.subregions | self.intermediate_regions)]
        parts += [f"status:{s.value}" for s in sorted(self.statuses, key=lambda s: s.value)]
        parts += self.states
        parts += [f"except:{s}" for s in sorted(self.excluded)]
        return " ".join(parts)


def parse_targets(register: Register, specs: list[str], excluded: list[str] = ()) -> TargetSelection:
    """Read `--to` values: `category:II`, `region:Asia` (or a sub-region or intermediate region such as
    Western Africa), `status:non-signatory`, or a state."""
    selection = TargetSelection()
    picked = {
        "region": selection.regions,
        "subregion": selection.subregions,
        "intermediate": selection.intermediate_regions,
    }
    for spec in specs:
        kind, _, value = spec.partition(":")
        kind = kind.strip().lower()
        if not value or kind not in ("category", "region", "status", "state"):
            selection.states.append(register.index.resolve(spec))
            continue
        if kind == "category":
            selection.categories.add(parse_category(value).value)
        elif kind == "region":
            which, name = register.region_groups().match(value)
            picked[which].add(name)
        elif kind == "status":
            selection.statuses |= parse_statuses([value])
        else:
            selection.states.append(register.index.resolve(value))
    selection.excluded = {register.index.resolve(text) for text in excluded}
    if not (selection.categories or selection.regions or selection.subregions or selection.intermediate_regions
            or selection.statuses or selection.states):
        raise InputError("choose the targets with --to: category:II, region:Asia, status:non-signatory or a state")
    return selection


def select_targets(register: Register, selection: TargetSelection, on: date) -> list:
    """The states a selection names on a day, in the register's order (by name)."""
    chosen = []
    by_region = selection.regions or selection.subregions or selection.intermediate_regions
    narrowing = selection.categories or by_region or selection.statuses
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
        )
        if named or matches:
            chosen.append(state)
    if not chosen:
        raise InputError(f"no state matches {selection.describe()} on {on}")
    return chosen


def create_campaign(
    writer,
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
    values = {"title": title, "engagement_uuid": row["uuid"], "selection": selection.describe(), "recorded_by": writer.by}
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


def record_reply(writer, engagement_uuid: str, reply: NewReply, register: Register) -> dict:
    """Record a state's reply to an engagement; with `classify`, its category in the same step."""
    engagement = writer.get("engagements", engagement_uuid)
    state = register.record(reply.iso3)
    targeted = {row.iso3 for row in writer.rows("states_of_engagements", uuids=[engagement_uuid])}
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
        classification = classify(writer, state, category, reply.received_on, rationale, engagement_uuid)
    values = {
        "status": "replied",
        "received_on": reply.received_on,
        "stance": stance,
        "summary": " ".join(reply.summary.split()),
        "supports_category": category,
        "classification_uuid": classification["uuid"] if classification else None,
        "recorded_by": writer.by,
    }
    existing = next((r for r in writer.rows("replies_of_engagement", engagement=engagement_uuid) if r.iso3 == reply.iso3), None)
    if existing is None:
        return writer.insert("replies", {"engagement_uuid": engagement_uuid, "iso3": reply.iso3, **values})
    return writer.update("replies", existing.uuid, values)


def close_campaign(writer, engagement_uuid: str) -> int:
    """Mark every reply still pending as no reply; the number marked."""
    pending = [r for r in writer.rows("replies_of_engagement", engagement=engagement_uuid) if r.status == "pending"]
    for reply in pending:
        writer.update("replies", reply.uuid, {"status": "no-reply"})
    return len(pending)
