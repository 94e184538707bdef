"""The vocabulary of the coordinator's daily log: kinds, channels, replies; action points are spelt by
domain/action_plan.py (re-exported here)."""

from __future__ import annotations

from ccmtui.domain.action_plan import ACTION_PLANS as ACTION_PLANS
from ccmtui.domain.action_plan import parse_action_points as parse_action_points
from ccmtui.domain.errors import InputError, one_of
from ccmtui.domain.states import normalize

# slug -> label
KINDS: dict[str, str] = {
    "demarche": "Démarche",
    "meeting": "Bilateral meeting",
    "letter": "Letter",
    "note-verbale": "Note verbale",
    "call": "Call",
    "email": "Email",
    "workshop": "Workshop or seminar",
    "statement": "Statement",
    "other": "Other",
}
_KIND_ALIASES = {
    "démarche": "demarche",
    "demarches": "demarche",
    "bilateral": "meeting",
    "bilateral meeting": "meeting",
    "nv": "note-verbale",
    "note": "note-verbale",
    "seminar": "workshop",
    "workshop or seminar": "workshop",
    "conference": "workshop",
    "phone": "call",
    "e-mail": "email",
    "mail": "email",
}

CHANNELS: dict[str, str] = {"capital": "Capital", "geneva": "Geneva", "new-york": "New York", "other": "Other"}
_CHANNEL_ALIASES = {"ny": "new-york", "new york": "new-york", "nyc": "new-york", "gva": "geneva"}

STANCES = ("positive", "neutral", "negative")
REPLY_STATUSES = ("pending", "replied", "no-reply")

SUMMARY_MAX = 300


def _pick(text: str, table: dict[str, str], aliases: dict[str, str], kind: str) -> str:
    key = normalize(text).replace(" ", "-")
    if key in table:
        return key
    spaced = normalize(text)
    if spaced in aliases:
        return aliases[spaced]
    for slug, label in table.items():
        if normalize(label) == spaced:
            return slug
    raise one_of(kind, text, list(table))


def parse_kind(text: str) -> str:
    return _pick(text, KINDS, _KIND_ALIASES, "kind")


def parse_channel(text: str) -> str:
    return _pick(text, CHANNELS, _CHANNEL_ALIASES, "channel")


def parse_stance(text: str) -> str:
    value = text.strip().lower()
    if value not in STANCES:
        raise one_of("stance", text, STANCES)
    return value


def clean_summary(text: str | None) -> str:
    summary = " ".join((text or "").split())
    if not summary:
        raise InputError("the summary is empty: say in one line what happened")
    if len(summary) > SUMMARY_MAX:
        raise InputError(
            f"the summary is {len(summary)} characters; keep it under {SUMMARY_MAX} (put the rest in --notes)"
        )
    return summary
