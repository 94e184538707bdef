"""The thematic areas of the Convention's work, as the coordinators divide it."""

from __future__ import annotations

from ccmtui.domain.errors import one_of
from ccmtui.domain.states import normalize

# slug -> the name CCM documents use
AREAS: dict[str, str] = {
    "universalization": "Universalization",
    "stockpile-destruction": "Stockpile destruction and retention",
    "clearance": "Clearance and risk reduction education",
    "victim-assistance": "Victim assistance",
    "cooperation": "International cooperation and assistance",
    "transparency": "Transparency",
    "national-implementation": "National implementation measures",
    "compliance": "Compliance",
    "implementation-support": "Implementation support",
}

# The areas with a summary (`ccm summary`), in the order CCM progress reports take them.
SUMMARY_AREAS = (
    "universalization",
    "stockpile-destruction",
    "clearance",
    "victim-assistance",
    "cooperation",
    "transparency",
    "national-implementation",
)

_EXTRA = {
    "universalisation": "universalization",
    "stockpile": "stockpile-destruction",
    "stockpiles": "stockpile-destruction",
    "retention": "stockpile-destruction",
    "clearance and risk reduction": "clearance",
    "risk reduction": "clearance",
    "va": "victim-assistance",
    "international cooperation": "cooperation",
    "cooperation and assistance": "cooperation",
    "nim": "national-implementation",
    "national implementation": "national-implementation",
    "isu": "implementation-support",
}

_KEYS = {normalize(slug): slug for slug in AREAS} | {normalize(name): slug for slug, name in AREAS.items()}
_KEYS |= {normalize(alias): slug for alias, slug in _EXTRA.items()}


def parse_area(text: str) -> str:
    """The slug of a thematic area, written as slug, full name or common short form."""
    key = normalize(text)
    slug = _KEYS.get(key)
    if slug is None and len(key) >= 3:
        # A unique beginning is enough: 'univ', 'stockpile', 'victim'.
        starts = {s for k, s in _KEYS.items() if k.startswith(key)}
        slug = starts.pop() if len(starts) == 1 else None
    if slug is None:
        raise one_of("thematic area", text, list(AREAS))
    return slug


def chosen_area(given: str | None, configured: str | None) -> str:
    """The area a record goes under: the one given, else the coordinator's own (config.toml)."""
    text = given or configured
    if not text:
        from ccmtui.domain.errors import InputError

        raise InputError(f"say which thematic area (--area, or `ccm config set area …`): {', '.join(AREAS)}")
    return parse_area(text)
