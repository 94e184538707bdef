"""Work plans as the commands and the TUI show them: finding one, reading it whole, listing milestones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.ids import resolve_id
from ccmtui.db.queries import Q
from ccmtui.domain.areas import AREAS, parse_area
from ccmtui.domain.errors import InputError, NotFoundError
from ccmtui.domain.workplan import OPEN_STATUSES, Due, Quarter, period_label
from ccmtui.reports.quarter import ALL_STATUSES, MilestoneLine, milestone_lines

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

_HEX = set("0123456789abcdef-")


def find_work_plan(reader: Reader, text: str) -> str:
    """A work plan's id from an id prefix, or from a thematic area (its latest work plan)."""
    cleaned = text.strip().lower()
    if len(cleaned) >= 4 and set(cleaned) <= _HEX:
        return resolve_id(reader, Q.work_plan_ids, cleaned, "work plan")
    area = parse_area(text)
    plans = reader.rows(Q.work_plans, area=area)
    if not plans:
        raise NotFoundError(f"no work plan for {AREAS[area]}; import one with `ccm workplan import FILE.toml`")
    return plans[0].uuid


def only_work_plan(reader: Reader) -> str:
    """The database's one work plan, when an id is left out."""
    plans = reader.rows(Q.work_plans, area=None)
    if len(plans) == 1:
        return plans[0].uuid
    if not plans:
        raise NotFoundError("no work plan yet; import one with `ccm workplan import FILE.toml`")
    raise InputError(
        "say which work plan (an id or a thematic area): " + ", ".join(f"{p.uuid[:8]} ({p.area})" for p in plans)
    )


def plan_for_due(reader: Reader, due: Due, area: str | None) -> str:
    """The work plan a new milestone goes to when none is named: the one whose period holds its due date."""
    # The coordinator's own area first; any area when it has no work plan.
    plans = (reader.rows(Q.work_plans, area=area) if area else []) or reader.rows(Q.work_plans, area=None)
    covering = [p for p in plans if p.starts_on <= due.on <= p.ends_on]
    if len(covering) == 1:
        return covering[0].uuid
    if len(plans) == 1:
        return plans[0].uuid  # its period check then says why the date does not fit
    if not plans:
        raise NotFoundError("no work plan yet; import one with `ccm workplan import FILE.toml`")
    raise InputError(
        f"say which work plan the milestone due {due.label} belongs to (--plan): "
        + ", ".join(f"{p.uuid[:8]} ({p.area} {period_label(p.starts_on, p.ends_on)})" for p in plans)
    )


@dataclass
class WorkPlanDetail:
    """A work plan with everything it holds, as read from the database."""

    plan: dict
    states: list
    items: list
    milestones: list
    slips: list
    links: list

    @property
    def period(self) -> str:
        return period_label(self.plan["starts_on"], self.plan["ends_on"])

    def names(self, role: str) -> list[str]:
        return [s.name for s in self.states if s.role == role]

    def listed(self, section: str) -> list[str]:
        return [item.text for item in self.items if item.section == section]

    def data(self) -> dict:
        """The TOML file's structure (also `--json`)."""
        from ccmtui.reports.export_toml import work_plan_data

        return work_plan_data(self.plan, self.states, self.items, self.milestones, self.slips, self.links)


def work_plan_detail(reader: Reader, uuid: str) -> WorkPlanDetail:
    found = reader.rows(Q.work_plan, uuid=uuid)
    if not found:
        raise NotFoundError(f"no work plan with id {uuid!r}")
    milestones = reader.rows(Q.milestones_of_work_plan, work_plan=uuid)
    uuids = [m.uuid for m in milestones]
    return WorkPlanDetail(
        plan=found[0]._asdict(),
        states=reader.rows(Q.work_plan_states, uuids=[uuid]),
        items=reader.rows(Q.work_plan_items, work_plan=uuid),
        milestones=milestones,
        slips=reader.rows(Q.slips_of_milestones, uuids=uuids) if uuids else [],
        links=reader.rows(Q.engagements_of_milestones, uuids=uuids) if uuids else [],
    )


def milestone_listing(
    reader: Reader,
    *,
    today: date,
    quarter: Quarter | None = None,
    overdue: bool = False,
    area: str | None = None,
    work_plan: str | None = None,
) -> list[MilestoneLine]:
    """Milestones due in a quarter (or at any time), only the overdue ones if asked, in due order."""
    since, until = (quarter.start, quarter.end) if quarter else (date.min, date.max)
    statuses = ALL_STATUSES
    if overdue:
        statuses = list(OPEN_STATUSES)
        until = min(until, date.fromordinal(today.toordinal() - 1))
    rows = (
        reader.rows(Q.milestones_due, since=since, until=until, area=area, statuses=statuses) if since <= until else []
    )
    if work_plan:
        rows = [row for row in rows if row.work_plan_uuid == work_plan]
    return milestone_lines(reader, rows, today, redact=False)
