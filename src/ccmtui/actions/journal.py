"""Engagements and classifications: the coordinator's daily log."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.action_plan import action_points as known_points
from ccmtui.actions.fields import Fields, Written, day, given, named, not_future
from ccmtui.db.ids import resolve_engagement, short
from ccmtui.domain.areas import chosen_area
from ccmtui.domain.categories import check_classifiable, parse_category
from ccmtui.domain.dates import parse_date
from ccmtui.domain.engagements import KINDS, clean_summary, parse_channel, parse_kind
from ccmtui.domain.errors import InputError
from ccmtui.domain.reasons import join as join_reasons
from ccmtui.domain.reasons import parse_reasons
from ccmtui.domain.states import StateIndex

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer
    from ccmtui.domain.counterparts import OrganisationIndex
    from ccmtui.reports.register import Register


@dataclass
class NewEngagement:
    """An engagement as the coordinator describes it, already parsed."""

    occurred_on: date
    kind: str
    area: str
    channel: str
    summary: str
    states: list[str]
    actors: list[str] = field(default_factory=list)
    counterparts: list = field(default_factory=list)  # actions/counterparts.py Counterpart
    notes: str = ""
    action_points: str = ""
    follow_up_on: date | None = None
    illustrative: bool = False
    uuid: str | None = None

    def check(self) -> None:
        self.summary = clean_summary(self.summary)
        if not self.states:
            raise InputError("name at least one state the engagement was with")
        if self.follow_up_on and self.follow_up_on < self.occurred_on:
            raise InputError(f"the follow-up date {self.follow_up_on} is before the engagement ({self.occurred_on})")


def parse_actors(
    index: StateIndex, values: list[str], organisations: OrganisationIndex | None = None, *, strict: bool = True
) -> list[str]:
    """Acting parties: states become ISO3 codes ('Portugal and Japan' → PRT, JPN), organisations
    their codes ('Implementation Support Unit' → ISU). With `organisations`, a name that is
    neither is refused with the closest of both (unless not `strict`: a search keeps it as typed);
    without, it stays as named."""
    actors: list[str] = []

    def one(text: str) -> str | None:
        return index.find(text) or (organisations.find(text) if organisations is not None else None)

    for value in values:
        text = " ".join(value.split())
        if not text:
            continue
        whole = one(text)
        if whole:
            actors.append(whole)
            continue
        parts = [p.strip() for p in text.replace("&", ",").replace(" and ", ",").split(",") if p.strip()]
        found = [one(p) for p in parts]
        if len(parts) > 1 and all(found):
            actors.extend(found)
        elif organisations is not None and strict:
            near = organisations.suggestions(text) + index.suggestions(text)
            hint = f"; did you mean {', '.join(near[:4])}?" if near else "; `ccm org add` records a new one"
            raise InputError(f"unknown acting party {text!r} (a state or an organisation){hint}")
        else:
            actors.append(text)
    return list(dict.fromkeys(actors))


def add_engagement(writer: Writer, engagement: NewEngagement) -> dict:
    """Write an engagement with its states and acting parties."""
    engagement.check()
    values = {
        "occurred_on": engagement.occurred_on,
        "kind": engagement.kind,
        "area": engagement.area,
        "channel": engagement.channel,
        "summary": engagement.summary,
        "notes": engagement.notes.strip(),
        "action_points": engagement.action_points,
        "follow_up_on": engagement.follow_up_on,
        "recorded_by": writer.by,
        "illustrative": engagement.illustrative,
    }
    if engagement.uuid:
        values["uuid"] = engagement.uuid
    row = writer.insert("engagements", values)
    for iso3 in dict.fromkeys(engagement.states):
        writer.insert("engagement_states", {"engagement_uuid": row["uuid"], "iso3": iso3})
    for actor in engagement.actors:
        writer.insert("engagement_actors", {"engagement_uuid": row["uuid"], "actor": actor})
    if engagement.counterparts:
        from ccmtui.actions.counterparts import add_counterparts

        add_counterparts(writer, row["uuid"], engagement.counterparts)
    return row


def follow_up_done(writer: Writer, uuid: str) -> dict:
    """A follow-up made: the engagement no longer shows as due."""
    return writer.update("engagements", uuid, {"follow_up_on": None})


def classify(
    writer: Writer,
    state,
    category: str,
    on: date,
    rationale: str,
    source_engagement: str | None = None,
    uuid: str | None = None,
    reasons: Sequence[str] = (),
) -> dict:
    """Record a Category I / II / III assessment; the history is kept, the latest applies.
    `reasons` are the obstacles that hold the state back, already parsed (domain/reasons.py)."""
    check_classifiable(state, on)
    rationale = " ".join(rationale.split())
    if not rationale:
        raise InputError("give the reason for the category (--rationale)")
    values = {
        "iso3": state.iso3,
        "category": parse_category(category).value,
        "assessed_on": on,
        "rationale": rationale,
        "source_engagement": source_engagement,
        "recorded_by": writer.by,
        "reasons": join_reasons(reasons),
    }
    if uuid:
        values["uuid"] = uuid
    return writer.insert("classifications", values)


# -- the actions behind `ccm log`, `ccm classify`, `ccm done` and the app's forms


def _acting(register: Register, values: list[str]) -> list[str]:
    """Acting parties, matched; a person's name is refused with what to write instead."""
    try:
        return parse_actors(register.index, values, register.organisations)
    except InputError:
        from ccmtui.reports.counterparts import People, works_for

        people = People(register.reader)
        for value in values:
            person = people.find(value)
            if person is not None:
                employer = person.organisation or person.iso3
                instead = f"--by {employer} --with {person.name!r}" if employer else f"--with {person.name!r}"
                raise InputError(
                    f"{person.name} is a person ({works_for(person)}): who acted is a state or an organisation; "
                    f"write {instead}"
                ) from None
        raise


def engagement_fields(
    fields: Fields,
    register: Register,
    *,
    kind: str | None,
    date: str | None,
    area: str | None,
    channel: str | None,
    by: Sequence[str],
    action_points: Sequence[str],
    follow_up: str | None,
    config: Mapping,
    today: date | None,
    default_channel: str,
) -> dict:
    """The fields an engagement and a campaign share, parsed alike: NewEngagement's keywords
    (a field that does not parse is left out; `fields.check()` then refuses)."""
    own_state = [config["state"]] if config.get("state") else []
    values = {
        "kind": fields("kind", lambda: parse_kind(kind or "")),
        "occurred_on": fields("date", lambda: day(register, date, today)),
        "area": fields("area", lambda: chosen_area(given(area), config.get("area"))),
        "channel": fields("channel", lambda: parse_channel(given(channel) or default_channel)),
        "actors": fields("by", lambda: _acting(register, [b for b in by if b.strip()] or own_state)),
        "action_points": fields("action_points", lambda: known_points(register.reader, list(action_points))),
        "follow_up_on": fields(
            "follow_up", lambda: parse_date(given(follow_up), "--follow-up") if given(follow_up) else None
        ),
    }
    occurred_on, follow_up_on = values["occurred_on"], values["follow_up_on"]
    if occurred_on and follow_up_on and follow_up_on < occurred_on:
        fields.fail("follow_up", f"the follow-up date {follow_up_on} is before the engagement ({occurred_on})")
    return values


def log_engagement(
    register: Register,
    writing,
    *,
    kind: str,
    states: Sequence[str],
    summary: str,
    date: str | None = None,
    area: str | None = None,
    channel: str | None = None,
    by: Sequence[str] = (),
    with_: Sequence[str] = (),
    notes: str = "",
    action_points: Sequence[str] = (),
    follow_up: str | None = None,
    config: Mapping,
    today: date | None = None,
) -> Written:
    """Log an engagement with one or more states, and the people and organisations met (`with_`);
    every field is checked before anything is written."""
    from ccmtui.actions.counterparts import parse_counterparts

    fields = Fields()

    def resolve_states() -> list[str]:
        codes = [register.index.resolve(text) for text in states if text.strip()]
        if not codes:
            raise InputError("name at least one state the engagement was with")
        return codes

    codes = fields("states", resolve_states)
    line = fields("summary", lambda: clean_summary(summary))
    basics = engagement_fields(
        fields,
        register,
        kind=kind,
        date=date,
        area=area,
        channel=channel,
        by=by,
        action_points=action_points,
        follow_up=follow_up,
        config=config,
        today=today,
        default_channel="geneva",
    )
    met = fields("with", lambda: parse_counterparts(register, with_)) if any(w.strip() for w in with_) else []
    fields.check()
    engagement = NewEngagement(summary=line, states=codes, notes=notes, counterparts=met, **basics)
    names = ", ".join(register.index.name(iso3) for iso3 in engagement.states)
    with writing(f"log {engagement.kind} with {names}: {engagement.summary}") as writer:
        row = add_engagement(writer, engagement)
    return Written(
        row,
        f"Logged {KINDS[engagement.kind].lower()} {short(row['uuid'])} with {names} on {engagement.occurred_on.isoformat()}.",
    )


def classify_state(
    register: Register,
    writing,
    *,
    state: str,
    category: str,
    rationale: str = "",
    date: str | None = None,
    source: str | None = None,
    reasons: Sequence[str] = (),
    extra_reasons: Mapping | None = None,
    today: date | None = None,
) -> Written:
    """Record a Category I / II / III assessment of a state not yet party, with the reasons that
    hold it back (domain/reasons.py; `extra_reasons`: config.toml's [reasons])."""
    fields = Fields()
    record = fields("state", lambda: register.resolve(named(state, "name the state to classify")))
    chosen = fields("category", lambda: parse_category(category or ""))
    on = fields("date", lambda: not_future(day(register, date, today), today))
    source_uuid = fields(
        "source", lambda: resolve_engagement(register.reader, given(source)) if given(source) else None
    )
    reason = fields(
        "rationale", lambda: named(" ".join(rationale.split()), "give the reason for the category (--rationale)")
    )
    codes = fields("reasons", lambda: parse_reasons(reasons, extra_reasons))
    fields.check()
    check_classifiable(record, on)
    with writing(f"classify {record.name} as Category {chosen.value}") as writer:
        row = classify(writer, record, chosen.value, on, reason, source_uuid, reasons=codes)
    held = f"; held back by: {', '.join(codes)}" if codes else ""
    return Written(row, f"{record.name}: Category {chosen.value} ({chosen.meaning}) as of {on.isoformat()}{held}.")


def mark_follow_up_done(reader: Reader, writing, *, engagement: str) -> Written:
    """An engagement's follow-up made: its follow-up date is cleared."""
    uuid = resolve_engagement(reader, engagement)
    with writing(f"follow-up done for engagement {short(uuid)}") as writer:
        row = follow_up_done(writer, uuid)
    return Written(row, f"Follow-up of {short(uuid)} done.")
