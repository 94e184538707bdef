"""How a count reads in every interface: '1 state', '3 states', '2 pending replies'."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def possessive(name: str, thing: str) -> str:
    """'Norway's deadline', 'Netherlands' deadline', and 'the deadline of Bolivia (Plurinational
    State of)' where an apostrophe cannot follow the name."""
    if name.endswith(")"):
        return f"the {thing} of {name}"
    return f"{name}' {thing}" if name.endswith("s") else f"{name}'s {thing}"


def capital(text: str) -> str:
    """The text with its first letter capitalised, the rest left as it is."""
    return text[:1].upper() + text[1:]
