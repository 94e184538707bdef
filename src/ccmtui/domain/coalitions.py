"""Country coalitions (Art. 6): an affected State Party and a lead donor coordinate the assistance of
partner states and organisations around the state's national strategy.

The concept is the 7MSP President's paper "Country Coalitions to Promote the Implementation of the
Convention on Cluster Munitions" (CCM/MSP/2017, 6 July 2017): "each State Party has the right to seek
and receive assistance" (Art. 6(1)), and a coalition is "coordinated by the affected country together
with a donor country (or lead countries)" (para. 5), so a lead donor is never the affected state itself.
"""

from __future__ import annotations

import re

from ccmtui.domain.errors import InputError, one_of

# What an affected state may need, by the Convention's articles: clearance and risk reduction
# education (Art. 4(1)-(2)), stockpile destruction (Art. 3), victim assistance (Art. 5).
NEED_AREAS: dict[str, str] = {
    "clearance": "Clearance",
    "stockpile-destruction": "Stockpile destruction",
    "victim-assistance": "Victim assistance",
    "risk-education": "Risk education",
}
NEED_STATUSES = ("open", "met")
ACTIVITY_STATUSES = ("planned", "ongoing", "completed", "cancelled")
MEMBER_ROLES = ("lead-donor", "partner")

_AREA_ALIASES = {
    "stockpile": "stockpile-destruction",
    "stockpiles": "stockpile-destruction",
    "destruction": "stockpile-destruction",
    "va": "victim-assistance",
    "victims": "victim-assistance",
    "rre": "risk-education",
    "risk-reduction-education": "risk-education",
    "mre": "risk-education",
}

CURRENCY = re.compile(r"^[A-Z]{3}$")
AMOUNT = re.compile(r"^-?[0-9][0-9,_ ]*(\.[0-9]+)?\s*([kKmM])?$")
AMOUNT_MAX = 10**13  # larger than any programme's budget


def parse_need_area(text: str | None) -> str:
    """clearance, stockpile-destruction, victim-assistance or risk-education (or a usual short name)."""
    value = (text or "").strip().lower().replace("_", "-").replace(" ", "-")
    if not value:
        raise InputError(f"give the need's thematic area: {', '.join(NEED_AREAS)}")
    value = _AREA_ALIASES.get(value, value)
    if value not in NEED_AREAS:
        raise one_of("thematic area", value, tuple(NEED_AREAS))
    return value


def parse_status(text: str | None, statuses: tuple[str, ...], default: str) -> str:
    value = (text or "").strip().lower() or default
    if value not in statuses:
        raise one_of("status", value, statuses)
    return value


def parse_amount(text: str | None) -> int | None:
    """An amount in whole units of its currency: `250000`, `1,200,000`, `1.5m`, `800k`; blank is unknown."""
    value = (text or "").strip()
    if not value:
        return None
    match = AMOUNT.match(value)
    if match is None:
        raise InputError(f"bad amount {text!r}: give a number such as 250000, 1,200,000 or 1.5m")
    if value.startswith("-"):
        raise InputError(f"the amount {value} is negative; give what is needed or funded, 0 or more")
    number = float(re.sub(r"[,_ kKmM]", "", value))
    number *= {"k": 1_000, "m": 1_000_000}.get((match.group(2) or "").lower(), 1)
    if number > AMOUNT_MAX:
        raise InputError(f"the amount {text} is larger than any programme; check it")
    return round(number)


def parse_currency(text: str | None, amount: int | None) -> str | None:
    """An ISO 4217 code (USD, EUR, CHF…); needed with an amount, and only with one."""
    value = (text or "").strip().upper()
    if not value:
        if amount is not None:
            raise InputError("give the amount's currency (--currency USD, EUR, CHF…)")
        return None
    if not CURRENCY.match(value):
        raise InputError(f"bad currency {text!r}: give its three-letter ISO 4217 code, e.g. USD or EUR")
    if amount is None:
        raise InputError("a currency without an amount: give --amount too")
    return value


def money(amounts: dict[str, int]) -> str:
    """'USD 1,200,000 + EUR 300,000', or '' when nothing is known."""
    return " + ".join(f"{currency} {amount:,}" for currency, amount in sorted(amounts.items()))
