"""The vocabulary of the coordinator's daily log: kinds, channels, replies, action points."""

from __future__ import annotations

import re

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

# Action plans adopted by the meetings: Vientiane (1MSP, 2010), Dubrovnik (1RC, 2015), Lausanne (2RC, 2021).
ACTION_PLANS = {"VAP": "Vientiane Action Plan", "DAP": "Dubrovnik Action Plan", "LAP": "Lausanne Action Plan"}
# How many actions each action plan numbers: Vientiane (2010) 66, Lausanne (2021) 50; Dubrovnik (2015)
# is given the same bound as Lausanne.
ACTION_PLAN_SIZES = {"VAP": 66, "DAP": 50, "LAP": 50}
_ACTION_POINT = re.compile(r"^(VAP|DAP|LAP)[\s\-_#]*(\d{1,3})$", re.IGNORECASE)

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


def parse_action_points(values: list[str] | tuple[str, ...]) -> str:
    """Action-plan references ('VAP-3', 'lap 17') as one normalised, space-separated string."""
    points: list[str] = []
    for value in values:
        for part in re.split(r"[,;]\s*|\s+(?=[A-Za-z])", value.strip()):
            if not part:
                continue
            match = _ACTION_POINT.match(part.strip())
            if not match:
                raise InputError(
                    f"bad action point {part!r}: expected VAP-3, DAP-12 or LAP-17 (Vientiane, Dubrovnik, Lausanne)"
                )
            plan, number = match.group(1).upper(), int(match.group(2))
            if not 1 <= number <= ACTION_PLAN_SIZES[plan]:
                raise InputError(f"bad action point {part!r}: the {plan} has actions 1 to {ACTION_PLAN_SIZES[plan]}")
            points.append(f"{plan}-{number}")
    return " ".join(dict.fromkeys(points))


def clean_summary(text: str | None) -> str:
    summary = " ".join((text or "").split())
    if not summary:
        raise InputError("the summary is empty: say in one line what happened")
    if len(summary) > SUMMARY_MAX:
        raise InputError(
            f"the summary is {len(summary)} characters; keep it under {SUMMARY_MAX} (put the rest in --notes)"
        )
    return summary
