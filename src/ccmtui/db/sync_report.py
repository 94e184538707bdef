"""What a sync or a merge did: records that came in and went out, deletions, conflicts, records left out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Conflict:
    table: str
    uuid: str
    kept: str  # "here" or "there"
    here_updated: str
    there_updated: str
    deleted: str = ""  # for an edit against a deletion: the side that deleted ("here" or "there")
    id: str = ""  # the conflict as recorded (`ccm conflicts`)


@dataclass
class Refused:
    """A record one side cannot take (a value its backend refuses): left out, the rest goes on."""

    table: str
    uuid: str
    into: str  # "here" or "there"
    why: str


@dataclass
class SyncReport:
    here: str
    there: str
    came_in: Counter = field(default_factory=Counter)
    went_out: Counter = field(default_factory=Counter)
    deleted_here: Counter = field(default_factory=Counter)
    deleted_there: Counter = field(default_factory=Counter)
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    whole: bool = False  # every record was compared (a first sync), not only the change sets since the last
    compared: int = 0  # how many records were read and compared

    @property
    def changed_nothing(self) -> bool:
        return not (self.came_in or self.went_out or self.deleted_here or self.deleted_there)
