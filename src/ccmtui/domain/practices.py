"""Stockpile destruction practice (Art. 3(2)): the methods a State Party destroyed its cluster munitions by.

Art. 3(2) asks each State Party to destroy its stockpiles "in accordance with international standards
for protecting public health and the environment"; the methods are a closed list so that practices
can be compared, with what each one cost, how safe, clean and efficient it was.
"""

from __future__ import annotations

from ccmtui.domain.errors import InputError, one_of
from ccmtui.domain.states import normalize

# code -> how it reads
METHODS: dict[str, str] = {
    "open-burning-detonation": "open burning / open detonation",
    "incineration": "incineration (rotary kiln or static furnace)",
    "disassembly-recycling": "disassembly and recycling",
    "cryofracture": "cryofracture",
    "contained-detonation": "contained detonation (detonation chamber)",
    "industrial-demilitarisation": "industrial demilitarisation (method not specified)",
    "transfer-for-destruction": "transfer to another state for destruction (Art. 3(7))",
    "other": "other method (described in the record)",
}
_ALIASES = {
    "open burning": "open-burning-detonation",
    "open detonation": "open-burning-detonation",
    "obod": "open-burning-detonation",
    "ob/od": "open-burning-detonation",
    "disassembly": "disassembly-recycling",
    "recycling": "disassembly-recycling",
    "dismantling": "disassembly-recycling",
    "detonation chamber": "contained-detonation",
    "demilitarisation": "industrial-demilitarisation",
    "demilitarization": "industrial-demilitarisation",
    "industrial demilitarization": "industrial-demilitarisation",
    "transfer": "transfer-for-destruction",
}


def parse_method(text: str) -> str:
    """The method's code for its code, its words or a common name; an unknown one lists the valid."""
    key = normalize(text or "")
    slug = key.replace(" ", "-").replace("/", "-")
    if slug in METHODS:
        return slug
    if key in _ALIASES:
        return _ALIASES[key]
    if key.replace("-", " ") in _ALIASES:
        return _ALIASES[key.replace("-", " ")]
    starting = [code for code in METHODS if slug and code.startswith(slug)]
    if len(starting) == 1:
        return starting[0]
    raise one_of("method", text, list(METHODS))


def parse_cost(text: str | float | None) -> float | None:
    """A cost per unit: a number not below zero, or nothing when the record is silent."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        value = float(str(text).replace(",", "").strip())
    except ValueError:
        raise InputError(f"cost {text!r} is not a number; give the cost per unit, e.g. 12.50") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise InputError(f"cost {text!r} is not a number; give the cost per unit, e.g. 12.50")
    if value < 0:
        raise InputError(f"cost {text!r} is negative; a cost per unit is zero or more")
    return value


def parse_currency(text: str | None) -> str:
    """An ISO 4217 code (three letters), or empty when the cost has no currency recorded."""
    code = (text or "").strip().upper()
    if code and (len(code) != 3 or not code.isalpha()):
        raise InputError(f"currency {text!r} is not an ISO 4217 code such as EUR, USD or CHF")
    return code
