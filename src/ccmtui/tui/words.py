"""The command line's words as the app says them: an action's message names options (`--date`)
where the app has fields and keys."""

from __future__ import annotations

import re
from collections.abc import Callable

FLAG = re.compile(r"(?<![\w-])--([a-z][a-z0-9-]*)")


def in_app_words(message: str, label: Callable[[str], str | None] | None = None) -> str:
    """A message of the command line's as the app says it: "bad --as-of" is "bad as of"; given
    `label`, an option is called by the label of the field that takes it ("bad received")."""

    def said(match: re.Match) -> str:
        name = match.group(1)
        found = label(name) if label is not None else None
        return found or name.replace("-", " ")

    return FLAG.sub(said, message)


def as_label_word(label: str) -> str:
    """A field's label inside a sentence: "Extended to" is "extended to", "ISO3" stays."""
    text = label.strip().rstrip(":*").strip()
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
