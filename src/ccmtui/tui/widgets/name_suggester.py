"""Suggests the rest of a name as one types the last of a comma-separated list ('PRT, IC' → ICRC)."""

from __future__ import annotations

from textual.suggester import Suggester


class NameSuggester(Suggester):
    """The names are filled in once read (a worker); until then nothing is suggested."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names: list[str] = []

    async def get_suggestion(self, value: str) -> str | None:
        last = value.rpartition(",")[2].lstrip()
        if not last:
            return None
        wanted = last.casefold()
        for name in self.names:
            if name.casefold().startswith(wanted) and len(name) > len(last):
                return value + name[len(last) :]
        return None
