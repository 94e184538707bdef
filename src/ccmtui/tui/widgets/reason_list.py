"""The reasons a state holds back (domain/reasons.py), to tick in a form: the shipped ones and config.toml's own."""

from __future__ import annotations

from collections.abc import Mapping

from textual.widgets import SelectionList

from ccmtui.domain.errors import InputError
from ccmtui.domain.reasons import vocabulary


class ReasonList(SelectionList[str]):
    """One line a reason, its code and meaning; space ticks it. The codes ticked go to the action as
    `--reason` would (a config reason that is not well formed leaves the shipped ones)."""

    def __init__(self, extra: Mapping | None = None, **options):
        try:
            known = vocabulary(extra)
        except InputError:
            known = vocabulary()
        super().__init__(*((f"{r.code}: {r.meaning}", r.code) for r in known.values()), **options)
