"""The records a side of a sync cannot hold: left out, named in the report, with the records that depend on them."""

from __future__ import annotations

from ccmtui.db.sync_report import Refused, SyncReport
from ccmtui.db.sync_tables import FOREIGN_KEYS, REFERENCED


class Screen:
    """Leaves out the records a side cannot hold (and the records that depend on them), naming each."""

    def __init__(self, report: SyncReport):
        self.report = report
        self.refused: dict[tuple[str, str, str], set] = {}  # (side, table, column) -> refused values

    def into(self, side: str):
        def accept(table: str, rows: list[dict]) -> list[dict]:
            kept = []
            for row in rows:
                why = self._why(side, table, row)
                if why is None:
                    kept.append(row)
                    continue
                self.report.refused.append(Refused(table, row["uuid"], side, why))
                for target_table, column in REFERENCED:
                    if target_table == table:
                        self.refused.setdefault((side, table, column), set()).add(row.get(column))
            return kept

        return accept

    def _why(self, side: str, table: str, row: dict) -> str | None:
        from ccmtui.domain.values import clean, problems

        if not clean(table, row):
            column, why = problems(table, row)[0]
            return f"its {column.replace('_', ' ')} {why}"
        if not self.refused:
            return None
        for column, parent, parent_column in FOREIGN_KEYS.get(table, ()):
            if row.get(column) is not None and row.get(column) in self.refused.get((side, parent, parent_column), ()):
                return f"its {parent[:-1] if parent.endswith('s') else parent} was left out"
        return None
