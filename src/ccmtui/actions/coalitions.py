"""Country coalitions (Art. 6): create one around an affected state, add its lead donors and partners,
its needs and the activities that answer them, link its meetings and seminars, attach its strategy.

Every function checks all its fields before it writes (`FieldErrors` keyed by field) and writes in one
change set, so `ccm undo` takes it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written, given, named
from ccmtui.db.ids import resolve_engagement, resolve_id, short
from ccmtui.db.queries import Q
from ccmtui.domain.coalitions import (
    ACTIVITY_STATUSES,
    NEED_AREAS,
    NEED_STATUSES,
    money,
    parse_amount,
    parse_currency,
    parse_need_area,
    parse_status,
)
from ccmtui.domain.dates import parse_partial_date
from ccmtui.domain.errors import InputError, NotFoundError
from ccmtui.domain.values import check as check_values

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register

PARTS = ("coalition_members", "coalition_needs", "coalition_activities", "coalition_engagements")
ID_QUERIES = {
    "coalitions": Q.coalition_ids,
    "coalition_members": Q.coalition_member_ids,
    "coalition_needs": Q.coalition_need_ids,
    "coalition_activities": Q.coalition_activity_ids,
}
LABELS = {
    "coalitions": "coalition",
    "coalition_members": "member",
    "coalition_needs": "need",
    "coalition_activities": "activity",
}


def _text(value: str | None) -> str:
    return " ".join((value or "").split())


def _state(register: Register, text: str | None, missing: str) -> str:
    return register.index.resolve(named(text, missing))


def find_coalition(register: Register, text: str | None):
    """A coalition by its id, or by its affected state when that state has one coalition."""
    value = named(text, "name the coalition: its affected state or its id (ccm coalition list)")
    reader = register.reader
    iso3 = register.index.find(value)
    if iso3 is not None:
        found = [row for row in reader.rows(Q.coalitions, coalition=None) if row.iso3 == iso3]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            ids = ", ".join(short(row.uuid) for row in found)
            raise InputError(f"{found[0].state} has {len(found)} coalitions ({ids}); give the id")
        raise NotFoundError(f"no coalition around {register.record(iso3).name}; start one with `ccm coalition new`")
    try:
        uuid = resolve_id(reader, Q.coalition_ids, value, "coalition")
    except (InputError, NotFoundError):
        held = {f"({row.iso3})" for row in reader.rows(Q.coalitions, coalition=None)}
        near = [n for n in register.index.suggestions(value, limit=10) if n.rsplit(" ", 1)[-1] in held][:3]
        hint = f"; did you mean {', '.join(near)}?" if near else " (see `ccm coalition list`)"
        raise NotFoundError(f"no coalition {value!r}{hint}") from None
    return reader.rows(Q.coalitions, coalition=uuid)[0]


def find_part(reader: Reader, text: str | None, tables: Sequence[str] = tuple(ID_QUERIES)) -> tuple[str, str]:
    """(table, uuid) of the coalition, member, need or activity whose id starts with `text`."""
    value = named(text, "give the id shown by `ccm coalition show`")
    found = []
    for table in tables:
        try:
            found.append((table, resolve_id(reader, ID_QUERIES[table], value, LABELS[table])))
        except NotFoundError:
            continue
    kinds = " or ".join(LABELS[t] for t in tables)
    if not found:
        raise NotFoundError(f"no {kinds} with id {value!r}")
    if len(found) > 1:
        raise InputError(f"id {value!r} is ambiguous; give more characters")
    return found[0]


def new_coalition(
    register: Register,
    writing,
    *,
    state: str | None,
    lead_donors: Sequence[str] = (),
    partners: Sequence[str] = (),
    organisations: Sequence[str] = (),
    name: str | None = None,
    strategy: str = "",
    strategy_dated: str | None = None,
    notes: str = "",
    source: str | None = None,
    illustrative: bool = False,
) -> Written:
    """A coalition around an affected state, coordinated with its lead donor(s) (the 2017 paper, para. 5)."""
    fields = Fields()
    iso3 = fields("state", lambda: _state(register, state, "name the affected state, e.g. 'Lao PDR' or LAO"))
    leads = [fields("lead", lambda t=t: register.index.resolve(t)) for t in lead_donors if given(t)]
    others = [fields("partner", lambda t=t: register.index.resolve(t)) for t in partners if given(t)]
    dated = (
        fields("strategy_dated", lambda: parse_partial_date(strategy_dated, "--strategy-date"))
        if given(strategy_dated)
        else None
    )
    if iso3 and iso3 in leads:
        fields.fail("lead", f"the lead donor cannot be the affected state ({register.record(iso3).name})")
    if iso3 and iso3 in others:
        fields.fail("partner", f"the affected state ({register.record(iso3).name}) cannot be its own partner")
    orgs = [_text(o) for o in organisations if _text(o)]
    title = _text(name) or (f"Country coalition for {register.record(iso3).name}" if iso3 else "")
    row = {
        "iso3": iso3,
        "name": title,
        "strategy": _text(strategy),
        "strategy_dated": str(dated) if dated else None,
        "notes": (notes or "").strip(),
        "source": _text(source) or None,
        "illustrative": illustrative,
    }
    fields("name", lambda: check_values("coalitions", row))
    for org in orgs:
        fields("organisation", lambda org=org: check_values("coalition_members", {"organisation": org}))
    fields.check()
    with writing(f"coalition new {iso3}") as writer:
        coalition = writer.insert("coalitions", {**row, "recorded_by": writer.by})
        for role, members in (("lead-donor", leads), ("partner", [p for p in others if p not in leads])):
            for member in dict.fromkeys(members):
                _member(writer, coalition, role, iso3=member, source=row["source"], illustrative=illustrative)
        for org in dict.fromkeys(orgs):
            _member(writer, coalition, "partner", organisation=org, source=row["source"], illustrative=illustrative)
    lead_names = ", ".join(register.record(i).name for i in dict.fromkeys(leads)) or "no lead donor yet"
    return Written(coalition, f"{title} ({short(coalition['uuid'])}): {lead_names}.")


def _member(
    writer: Writer, coalition: dict, role: str, *, iso3=None, organisation=None, source=None, illustrative=False
):
    return writer.insert(
        "coalition_members",
        {
            "coalition_uuid": coalition["uuid"],
            "role": role,
            "iso3": iso3,
            "organisation": organisation,
            "source": source,
            "illustrative": illustrative,
        },
    )


def add_partner(
    register: Register,
    writing,
    *,
    coalition: str,
    state: str | None = None,
    organisation: str | None = None,
    lead: bool = False,
    source: str | None = None,
) -> Written:
    """A partner state or organisation (or, with `lead`, a lead donor state)."""
    fields = Fields()
    found = fields("coalition", lambda: find_coalition(register, coalition))
    org = _text(organisation)
    if given(state) and org:
        fields.fail("state", "give a state or an --organisation, not both")
    elif not given(state) and not org:
        fields.fail("state", "name the partner: a state, or an organisation with --organisation")
    iso3 = fields("state", lambda: register.index.resolve(state)) if given(state) and not org else None
    if lead and org:
        fields.fail("organisation", "a lead donor is a state; add the organisation as a partner")
    if org:
        fields("organisation", lambda: check_values("coalition_members", {"organisation": org}))
    if found is not None and iso3 == found.iso3:
        fields.fail("state", f"{found.state} is the affected state; a partner or lead donor is another state")
    if found is not None and (iso3 or org):
        members = register.reader.rows(Q.coalition_members, coalition=found.uuid)
        same = [
            m
            for m in members
            if (iso3 and m.iso3 == iso3) or (org and (m.organisation or "").casefold() == org.casefold())
        ]
        if same and (same[0].role == "lead-donor" or not lead):
            fields.fail("state", f"{same[0].state or same[0].organisation} is already a {same[0].role} of {found.name}")
    fields.check()
    role = "lead-donor" if lead else "partner"
    who = register.record(iso3).name if iso3 else org
    with writing(f"coalition add-partner {short(found.uuid)} {who}") as writer:
        existing = [m for m in writer.rows(Q.coalition_members, coalition=found.uuid) if iso3 and m.iso3 == iso3]
        if existing:  # a partner becomes a lead donor
            row = writer.update("coalition_members", existing[0].uuid, {"role": role})
        else:
            row = _member(
                writer, {"uuid": found.uuid}, role, iso3=iso3, organisation=org or None, source=_text(source) or None
            )
    return Written(row, f"{who}: {role.replace('-', ' ')} of {found.name}.")


def _amounts(fields: Fields, amount: str | None, currency: str | None) -> tuple[int | None, str | None]:
    value = fields("amount", lambda: parse_amount(amount))
    code = fields("currency", lambda: parse_currency(currency, value)) if fields.ok("amount") else None
    return value, code


def add_need(
    register: Register,
    writing,
    *,
    coalition: str,
    area: str | None,
    description: str | None,
    amount: str | None = None,
    currency: str | None = None,
    status: str | None = None,
    source: str | None = None,
    illustrative: bool = False,
) -> Written:
    """A need of the affected state in one thematic area, with its amount where known."""
    fields = Fields()
    found = fields("coalition", lambda: find_coalition(register, coalition))
    chosen = fields("area", lambda: parse_need_area(area))
    text = fields("description", lambda: named(_text(description), "say what is needed, e.g. 'survey of 50 villages'"))
    value, code = _amounts(fields, amount, currency)
    state = fields("status", lambda: parse_status(status, NEED_STATUSES, "open"))
    row = {"area": chosen, "description": text, "amount": value, "currency": code, "status": state}
    fields("description", lambda: check_values("coalition_needs", row))
    fields.check()
    with writing(f"coalition add-need {short(found.uuid)} {chosen}") as writer:
        need = writer.insert(
            "coalition_needs",
            {**row, "coalition_uuid": found.uuid, "source": _text(source) or None, "illustrative": illustrative},
        )
    how_much = f" ({money({code: value})})" if value is not None else ""
    return Written(need, f"{found.state} needs {NEED_AREAS[chosen].lower()}: {text}{how_much} ({short(need['uuid'])}).")


def add_activity(
    register: Register,
    writing,
    *,
    coalition: str,
    title: str | None,
    funded_by: str = "",
    implemented_by: str = "",
    amount: str | None = None,
    currency: str | None = None,
    status: str | None = None,
    need: str | None = None,
    source: str | None = None,
    illustrative: bool = False,
) -> Written:
    """An activity or programme: who funds it, who implements it, how much, and its status."""
    fields = Fields()
    found = fields("coalition", lambda: find_coalition(register, coalition))
    text = fields("title", lambda: named(_text(title), "name the activity, e.g. 'Technical survey, Xieng Khouang'"))
    value, code = _amounts(fields, amount, currency)
    state = fields("status", lambda: parse_status(status, ACTIVITY_STATUSES, "planned"))
    answers = None
    if given(need) and found is not None:
        answers = fields("need", lambda: find_part(register.reader, need, ("coalition_needs",))[1])
        if answers and not any(
            n.uuid == answers for n in register.reader.rows(Q.coalition_needs, coalition=found.uuid)
        ):
            fields.fail("need", f"need {need} is not one of {found.name}'s")
    row = {
        "title": text,
        "funded_by": _text(funded_by),
        "implemented_by": _text(implemented_by),
        "amount": value,
        "currency": code,
        "status": state,
        "need_uuid": answers,
    }
    fields("title", lambda: check_values("coalition_activities", row))
    fields.check()
    with writing(f"coalition add-activity {short(found.uuid)}") as writer:
        activity = writer.insert(
            "coalition_activities",
            {**row, "coalition_uuid": found.uuid, "source": _text(source) or None, "illustrative": illustrative},
        )
    how_much = f", {money({code: value})}" if value is not None else ""
    return Written(activity, f"{found.name}: {text} ({state}{how_much}) ({short(activity['uuid'])}).")


def link_engagement(register: Register, writing, *, coalition: str, engagement: str) -> Written:
    """A meeting or seminar held for the coalition (an engagement already logged)."""
    fields = Fields()
    found = fields("coalition", lambda: find_coalition(register, coalition))
    uuid = fields(
        "engagement", lambda: resolve_engagement(register.reader, named(engagement, "give the engagement's id"))
    )
    if found is not None and uuid is not None:
        linked = register.reader.rows(Q.coalition_engagements, coalition=found.uuid)
        if any(link.engagement_uuid == uuid for link in linked):
            fields.fail("engagement", f"engagement {short(uuid)} is already linked to {found.name}")
    fields.check()
    with writing(f"coalition add-meeting {short(found.uuid)} {short(uuid)}") as writer:
        row = writer.insert("coalition_engagements", {"coalition_uuid": found.uuid, "engagement_uuid": uuid})
    (event,) = register.reader.rows(Q.engagement, uuid=uuid) or [None]
    what = f"{event.occurred_on.isoformat()} {event.summary}" if event is not None else short(uuid)
    return Written(row, f"{found.name}: {what}.")


def set_strategy(
    register: Register,
    writing,
    *,
    coalition: str,
    title: str | None,
    dated: str | None,
    file: Path | None = None,
    received: str | None = None,
    today=None,
) -> Written:
    """The national strategy guiding the coalition (the 2017 paper, para. 3): its title, its date and,
    with `file`, its document, kept as an attachment of an engagement recording its receipt."""
    from ccmtui.actions.attachments import attach, read_attachment
    from ccmtui.actions.fields import day, not_future

    fields = Fields()
    found = fields("coalition", lambda: find_coalition(register, coalition))
    text = fields("title", lambda: named(_text(title), "give the strategy's title"))
    when = fields(
        "date",
        lambda: parse_partial_date(named(dated, "give the strategy's date (YYYY, YYYY-MM or YYYY-MM-DD)"), "--date"),
    )
    content = fields("file", lambda: read_attachment(file)) if file is not None else None
    on = fields("received", lambda: not_future(day(register, received, today, "--received"), today)) if file else None
    fields("title", lambda: check_values("coalitions", {"strategy": text}))
    fields.check()
    with writing(f"coalition strategy {short(found.uuid)}") as writer:
        changes = {"strategy": text, "strategy_dated": str(when)}
        if content is not None:
            from ccmtui.actions.journal import NewEngagement, add_engagement

            event = add_engagement(
                writer,
                NewEngagement(
                    occurred_on=on,
                    kind="other",
                    area="cooperation",
                    channel="capital",
                    summary=f"National strategy received: {text}"[:300],
                    states=[found.iso3],
                ),
            )
            writer.insert("coalition_engagements", {"coalition_uuid": found.uuid, "engagement_uuid": event["uuid"]})
            changes["strategy_attachment_uuid"] = attach(writer, event["uuid"], file, content)["uuid"]
        row = writer.update("coalitions", found.uuid, changes)
    kept = f", document {short(row['strategy_attachment_uuid'])}" if content is not None else ""
    return Written(row, f"{found.name}: strategy '{text}' ({when}{kept}).")


def set_status(reader: Reader, writing, *, record: str, status: str | None) -> Written:
    """A need met (or open again), an activity planned, ongoing, completed or cancelled."""
    fields = Fields()
    found = fields("record", lambda: find_part(reader, record, ("coalition_needs", "coalition_activities")))
    if found is not None:
        table, uuid = found
        statuses = NEED_STATUSES if table == "coalition_needs" else ACTIVITY_STATUSES
        fields("status", lambda: parse_status(named(status, f"give the status: {', '.join(statuses)}"), statuses, ""))
    fields.check()
    chosen = status.strip().lower()
    with writing(f"coalition status {short(uuid)} {chosen}") as writer:
        row = writer.update(table, uuid, {"status": chosen})
    label = row.get("description") or row.get("title")
    return Written(row, f"{LABELS[table].capitalize()} '{label}' is now {chosen}.")


def delete_part(reader: Reader, writing, *, record: str) -> Written:
    """A member, need or activity deleted; a coalition deleted with all its parts (its engagements stay)."""
    table, uuid = find_part(reader, record)
    with writing(f"coalition delete {short(uuid)}") as writer:
        gone = []
        if table == "coalitions":
            for part in PARTS:
                query = getattr(Q, part)
                for row in writer.rows(query, coalition=uuid):
                    gone.append(writer.delete(part, row.uuid))
        elif table == "coalition_needs":
            for row in writer.rows(Q.coalition_activities, coalition=None):
                if row.need_uuid == uuid:
                    writer.update("coalition_activities", row.uuid, {"need_uuid": None})
        deleted = writer.delete(table, uuid)
    label = (
        deleted.get("name")
        or deleted.get("description")
        or deleted.get("title")
        or deleted.get("organisation")
        or deleted.get("iso3")
    )
    more = f" with {len(gone)} of its records" if gone else ""
    return Written(deleted, f"Deleted {LABELS[table]} '{label}'{more} (ccm undo restores it).")


# What `edit_part` may change, per table: option name -> column.
EDITABLE = {
    "coalitions": {"name": "name", "notes": "notes", "source": "source"},
    "coalition_needs": {"description": "description", "amount": "amount", "currency": "currency", "source": "source"},
    "coalition_activities": {
        "title": "title",
        "funded_by": "funded_by",
        "implemented_by": "implemented_by",
        "amount": "amount",
        "currency": "currency",
        "source": "source",
    },
}


def edit_part(reader: Reader, writing, *, record: str, **given_values: str | None) -> Written:
    """Correct a coalition's name, notes or source, a need's or an activity's text, amount or source.

    Only the values given change; an amount and its currency are checked together (an amount needs
    its currency; a blank amount, `--amount ""`, clears both)."""
    fields = Fields()
    found = fields("record", lambda: find_part(reader, record, tuple(EDITABLE)))
    if found is None:
        fields.check()
    table, uuid = found
    allowed = EDITABLE[table]
    changes: dict = {}
    for option, value in given_values.items():
        if value is None:
            continue
        if option not in allowed:
            fields.fail(option, f"a {LABELS[table]} has no --{option.replace('_', '-')}")
            continue
        if option not in ("amount", "currency"):
            text = value.strip() if option == "notes" else _text(value)
            if option in ("name", "description", "title") and not text:
                fields.fail(option, f"the {option} cannot be blank")
            changes[allowed[option]] = text or (None if option == "source" else "")
    if not changes and not any(given_values.get(k) is not None for k in ("amount", "currency")):
        fields.fail("record", "say what to change, e.g. --amount 250000 --currency USD")
    current = reader.get(table, uuid) or {}
    if "amount" in allowed and (given_values.get("amount") is not None or given_values.get("currency") is not None):
        amount_text = given_values.get("amount")
        value = (
            fields("amount", lambda: parse_amount(amount_text)) if amount_text is not None else current.get("amount")
        )
        currency_text = given_values.get("currency")
        if amount_text is not None and not amount_text.strip():
            value, currency_text = None, ""
        elif currency_text is None:
            currency_text = current.get("currency") or ""
        code = fields("currency", lambda: parse_currency(currency_text, value)) if fields.ok("amount") else None
        changes |= {"amount": value, "currency": code}
    fields("record", lambda: check_values(table, changes))
    fields.check()
    with writing(f"coalition edit {short(uuid)}") as writer:
        row = writer.update(table, uuid, changes)
    label = row.get("name") or row.get("description") or row.get("title")
    return Written(row, f"{LABELS[table].capitalize()} '{label}' corrected ({', '.join(sorted(changes))}).")
