"""UN formal names for documents that are circulated: 'Lao People's Democratic Republic', 'Republic of
Korea', 'Netherlands (Kingdom of the)'. The terminal keeps the short names of the register.

The names are the UN M49 list's (based on UNTERM), shipped in db/reference/formal_names.csv with their
source; a state not listed there is called by its register name, which is already the M49 one.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources


@cache
def formal_names() -> dict[str, str]:
    """ISO3 -> the UN formal name, for the states whose register name is a short one."""
    text = resources.files("ccmtui").joinpath("db", "reference", "formal_names.csv").read_text(encoding="utf-8")
    return {row["iso3"]: row["formal_name"] for row in csv.DictReader(io.StringIO(text))}


def formal(iso3: str, name: str) -> str:
    """The name a formal document uses for the state."""
    return formal_names().get(iso3, name)


def formal_replacer(short_names: dict[str, str]):
    """A function that rewrites a text with each state's short name (iso3 -> register name) replaced
    by its UN formal name, whole words only: 'Laos and Russia' -> 'Lao People's Democratic Republic
    and Russian Federation'."""
    import re

    pairs = {short_names[iso3]: name for iso3, name in formal_names().items() if iso3 in short_names}
    pairs = {short: name for short, name in pairs.items() if short != name}
    if not pairs:
        return lambda text: text
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(s) for s in sorted(pairs, key=len, reverse=True)) + r")(?!\w)"
    )
    return lambda text: pattern.sub(lambda match: pairs[match.group(1)], text)
