"""Engagements and classifications: the coordinator's daily log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ccmtui.domain.categories import check_classifiable, parse_category
from ccmtui.domain.engagements import clean_summary
from ccmtui.domain.errors import InputError
from ccmtui.domain.states import StateIndex


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


def parse_actors(index: StateIndex, values: list[str]) -> list[str]:
    """Acting parties: states become ISO3 codes ('Portugal and Japan' → PRT, JPN); others stay as named."""
    actors: list[str] = []
    for value in values:
        text = " ".join(value.split())
        if not text:
            continue
        whole = index.find(text)
        if whole:
            actors.append(whole)
            continue
        parts = [p.strip() for p in text.replace("&", ",").replace(" and ", ",").split(",") if p.strip()]
        found = [index.find(p) for p in parts]
        if len(parts) > 1 and all(found):
            actors.extend(found)
        else:
            actors.append(text)
    return list(dict.fromkeys(actors))


def add_engagement(writer, engagement: NewEngagement) -> dict:
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
    return row


def follow_up_done(writer, uuid: str) -> dict:
    """A follow-up made: the engagement no longer shows as due."""
    return writer.update("engagements", uuid, {"follow_up_on": None})


def classify(
    writer,
    state,
    category: str,
    on: date,
    rationale: str,
    source_engagement: str | None = None,
    uuid: str | None = None,
) -> dict:
    """Record a Category I / II / III assessment; the history is kept, the latest applies."""
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
    }
    if uuid:
        values["uuid"] = uuid
    return writer.insert("classifications", values)
