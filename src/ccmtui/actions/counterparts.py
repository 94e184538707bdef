"""Counterparts: adding and correcting organisations and people, and whom an engagement was with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written, given, named
from ccmtui.db.ids import short
from ccmtui.db.queries import Q
from ccmtui.domain.counterparts import (
    check_belongs,
    join_list,
    parse_code,
    parse_email,
    parse_helps,
    parse_kind,
    parse_location,
    parse_phone,
    person_name,
)
from ccmtui.domain.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register

# What `--notes`, `--role`… leave as they were when not given.
KEEP = None


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _aliases(values: Sequence[str]) -> str:
    return join_list(_one_line(v) for part in values for v in part.split(";") if v.strip())


def add_organisation(
    register: Register,
    writing,
    *,
    code: str,
    name: str,
    kind: str = "other",
    helps: Sequence[str] = (),
    aliases: Sequence[str] = (),
    source: str | None = None,
    notes: str = "",
) -> Written:
    """Record an organisation of the coordinator's own; its code and names must be new."""
    fields = Fields()
    index = register.organisations
    chosen = fields("code", lambda: parse_code(code or ""))
    full = fields("name", lambda: named(_one_line(name), "give the organisation's name (--name)"))
    for label, text in (("code", chosen), ("name", full)):
        if text and index.find(text):
            fields.fail(label, f"{text!r} is already the organisation {index.find(text)}: `ccm org edit` corrects it")
        elif text and register.index.find(text):
            fields.fail(label, f"{text!r} is the name of a state ({register.index.find(text)})")
    values = {
        "code": chosen,
        "name": full,
        "kind": fields("kind", lambda: parse_kind(kind or "other")),
        "helps": fields("helps", lambda: join_list(parse_helps(helps))),
        "aliases": fields("aliases", lambda: _aliases(aliases)),
        "source": given(source),
        "notes": (notes or "").strip(),
        "shipped": False,
    }
    fields.check()
    with writing(f"org add {chosen}") as writer:
        row = writer.insert("organisations", values)
    return Written(row, f"Added organisation {chosen} ({full}).")


def edit_organisation(
    register: Register,
    writing,
    *,
    organisation: str,
    name: str | None = KEEP,
    kind: str | None = KEEP,
    helps: Sequence[str] | None = KEEP,
    aliases: Sequence[str] | None = KEEP,
    source: str | None = KEEP,
    notes: str | None = KEEP,
) -> Written:
    """Correct an organisation (its code stays: engagements name it by its code)."""
    fields = Fields()
    found = fields("organisation", lambda: register.organisations.resolve(named(organisation, "name the organisation")))
    values: dict = {}
    if name is not None:
        values["name"] = fields("name", lambda: named(_one_line(name), "the organisation's name is empty"))
    if kind is not None:
        values["kind"] = fields("kind", lambda: parse_kind(kind))
    if helps is not None:
        values["helps"] = fields("helps", lambda: join_list(parse_helps(helps)))
    if aliases is not None:
        values["aliases"] = fields("aliases", lambda: _aliases(aliases))
    if source is not None:
        values["source"] = given(source)
    if notes is not None:
        values["notes"] = notes.strip()
    fields.check()
    row = next(r for r in register.reader.rows(Q.organisations) if r.code == found.code)
    changed = {k: v for k, v in values.items() if v != getattr(row, k)}
    if not changed:
        return Written(row, f"{found.code}: nothing to change.")
    with writing(f"org edit {found.code}") as writer:
        written = writer.update("organisations", row.uuid, changed)
    return Written(written, f"{found.code}: changed {', '.join(changed)}.")


def _belongs(register: Register, fields: Fields, state: str | None, organisation: str | None) -> tuple:
    iso3 = fields("state", lambda: register.index.resolve(state) if given(state) else None)
    code = fields("org", lambda: register.organisations.resolve(organisation).code if given(organisation) else None)
    if given(state) and given(organisation):
        fields("org", lambda: check_belongs(state, organisation))
    return iso3, code


def add_person(
    register: Register,
    writing,
    *,
    name: str,
    role: str = "",
    state: str | None = None,
    organisation: str | None = None,
    location: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    notes: str = "",
    illustrative: bool = False,
) -> Written:
    """Record a person: at a state (its Geneva mission or capital) or an organisation, not both."""
    fields = Fields()
    full = fields("name", lambda: person_name(name))
    iso3, code = _belongs(register, fields, state, organisation)
    values = {
        "name": full,
        "role": fields("role", lambda: _checked_role(role)),
        "iso3": iso3,
        "organisation": code,
        "location": fields("location", lambda: parse_location(location)),
        "email": fields("email", lambda: parse_email(email)),
        "phone": fields("phone", lambda: parse_phone(phone)),
        "notes": (notes or "").strip(),
        "illustrative": illustrative,
    }
    if values["location"] and code and fields.ok("location"):
        fields.fail("location", "--where (Geneva mission or capital) is for a state's people")
    fields.check()
    with writing(f"person add {full}") as writer:
        row = writer.insert("people", values)
    employer = register.index.name(iso3) if iso3 else code
    at = f" ({employer})" if employer else ""
    return Written(row, f"Added {full}{at}, id {short(row['uuid'])}.")


def _checked_role(role: str | None) -> str:
    cleaned = _one_line(role)
    if len(cleaned) > 100:
        raise InputError("a role has at most 100 characters")
    return cleaned


def _person(register: Register, text: str):
    from ccmtui.reports.counterparts import People

    return People(register.reader).resolve(named(text, "name the person (their name or id)"))


def edit_person(
    register: Register,
    writing,
    *,
    person: str,
    name: str | None = KEEP,
    role: str | None = KEEP,
    state: str | None = KEEP,
    organisation: str | None = KEEP,
    location: str | None = KEEP,
    email: str | None = KEEP,
    phone: str | None = KEEP,
    notes: str | None = KEEP,
) -> Written:
    """Correct a person; naming a state moves them off their organisation and the other way round
    (an empty value clears the field)."""
    fields = Fields()
    found = fields("person", lambda: _person(register, person))
    values: dict = {}
    if name is not None:
        values["name"] = fields("name", lambda: person_name(name))
    if role is not None:
        values["role"] = fields("role", lambda: _checked_role(role))
    if state is not None or organisation is not None:
        iso3, code = _belongs(register, fields, state, organisation)
        if state is not None:
            values["iso3"] = iso3
            if iso3 and organisation is None:
                values["organisation"] = None
        if organisation is not None:
            values["organisation"] = code
            if code and state is None:
                values["iso3"] = None
                values["location"] = ""
    if location is not None:
        values["location"] = fields("location", lambda: parse_location(location))
    if email is not None:
        values["email"] = fields("email", lambda: parse_email(email))
    if phone is not None:
        values["phone"] = fields("phone", lambda: parse_phone(phone))
    if notes is not None:
        values["notes"] = notes.strip()
    fields.check()
    after_org = values.get("organisation", found.organisation)
    if values.get("location", found.location) and after_org:
        raise InputError("--where (Geneva mission or capital) is for a state's people")
    changed = {k: v for k, v in values.items() if v != getattr(found, k)}
    if not changed:
        return Written(found, f"{found.name}: nothing to change.")
    with writing(f"person edit {found.name}") as writer:
        row = writer.update("people", found.uuid, changed)
    return Written(row, f"{row['name']}: changed {', '.join(changed)}.")


def delete_person(register: Register, writing, *, person: str) -> Written:
    """Delete a person and the record of the engagements they were met in (not the engagements);
    `ccm undo` brings them back."""
    found = _person(register, person)
    links = register.reader.rows(Q.counterpart_links_of_person, person_uuid=found.uuid)
    with writing(f"person delete {found.name}") as writer:
        for link in links:
            writer.delete("engagement_counterparts", link.uuid)
        writer.delete("people", found.uuid)
    met = f", and the record of meeting them in {len(links)} engagement{'s' * (len(links) != 1)}" if links else ""
    return Written({"uuid": found.uuid}, f"Deleted {found.name}{met}. `ccm undo` brings them back.")


@dataclass(frozen=True)
class Counterpart:
    """Someone an engagement was with besides its states: a person (uuid) or an organisation (code)."""

    person: str | None = None
    organisation: str | None = None

    def values(self) -> dict:
        return {"person_uuid": self.person, "organisation": self.organisation}


def parse_counterparts(register: Register, values: Sequence[str]) -> list[Counterpart]:
    """`--with "Ana Costa" --with ICRC`: people by name (or id) and organisations by code, name or
    alias. An unknown one is refused with the closest people and organisations."""
    from ccmtui.reports.counterparts import People

    people = None
    found: list[Counterpart] = []
    for value in values:
        text = _one_line(value)
        if not text:
            continue
        code = register.organisations.find(text)
        if code:
            found.append(Counterpart(organisation=code))
            continue
        people = people or People(register.reader)
        person = people.find(text)
        if person is not None:
            found.append(Counterpart(person=person.uuid))
            continue
        near = people.suggestions(text) + register.organisations.suggestions(text)
        if register.index.find(text):
            hint = f"; {register.index.name(register.index.find(text))} is a state: name it as one of the states"
        else:
            hint = f"; did you mean {', '.join(near[:4])}?" if near else "; `ccm person add` records a person"
        raise NotFoundError(f"unknown person or organisation {text!r}{hint}")
    return list(dict.fromkeys(found))


def add_counterparts(writer: Writer, engagement_uuid: str, counterparts: Sequence[Counterpart]) -> None:
    for one in counterparts:
        writer.insert("engagement_counterparts", {"engagement_uuid": engagement_uuid, **one.values()})
