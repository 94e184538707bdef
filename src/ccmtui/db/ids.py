"""Record ids: deterministic UUIDs for shipped content, and short ids typed back as any unique prefix."""

from __future__ import annotations

import uuid as uuidlib
from typing import TYPE_CHECKING

from ccmtui.domain.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

NAMESPACE = uuidlib.uuid5(uuidlib.NAMESPACE_URL, "https://ccmtui.invalid/records")


def stable_uuid(*parts: object) -> str:
    """A UUIDv5 of the record's content."""
    return str(uuidlib.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))


# -- short ids: any unique prefix of a UUID (at least four characters), as git does

MIN_PREFIX = 4


def short(uuid: str) -> str:
    return uuid[:8]


def id_prefix(text: str | None, what: str = "") -> tuple[str, str]:
    """(low, high): the range of ids that start with `text`, or a one-line error saying what is wrong."""
    prefix = (text or "").strip().lower()
    named = f"{what} id" if what else "id"
    if any(c not in "0123456789abcdef-" for c in prefix):
        raise InputError(f"bad {named} {text!r}: ids are hexadecimal (0-9 and a-f), as shown in listings")
    if len(prefix) < MIN_PREFIX:
        raise InputError(f"bad {named} {text!r}: give at least {MIN_PREFIX} characters of the id shown in listings")
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def resolve_id(reader: Reader, query: str, text: str, what: str) -> str:
    """The full UUID of the record whose id starts with `text`."""
    low, high = id_prefix(text, what)
    found = reader.rows(query, low=low, high=high)
    if not found:
        raise NotFoundError(f"no {what} with id {text!r}")
    if len(found) > 1:
        raise InputError(f"{what} id {text!r} is ambiguous; give more characters")
    return found[0].uuid


def resolve_engagement(reader: Reader, text: str, what: str = "engagement") -> str:
    """The full id of an engagement, named by its own id or by the id of the campaign it carries."""
    from ccmtui.db.queries import Q

    try:
        return resolve_id(reader, Q.engagement_ids, text, what)
    except NotFoundError:
        try:
            campaign = resolve_id(reader, Q.campaign_ids, text, what)
        except NotFoundError:
            raise NotFoundError(f"no {what} (or campaign) with id {text!r}") from None
        return reader.rows(Q.campaign_summary, campaign=campaign)[0].engagement_uuid
