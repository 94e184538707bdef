"""Reading the files coordinators bring (CSV from a spreadsheet), and reporting their bad rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ccmtui.domain.errors import InputError


def read_text(path: Path) -> str:
    """A UTF-8 text file (a spreadsheet's byte-order mark ignored); a one-line error otherwise."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text (save the spreadsheet as CSV UTF-8)") from None


@dataclass
class RowProblems:
    """Bad rows of a file, each with its line number and reason."""

    source: str
    problems: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, reason: str) -> None:
        self.problems.append((line, reason))

    def raise_if_any(self) -> None:
        if not self.problems:
            return
        shown = "; ".join(f"line {line}: {reason}" for line, reason in self.problems[:10])
        more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
        count = len(self.problems)
        raise InputError(f"{self.source}: {count} bad row{'s' * (count != 1)}, nothing written: {shown}{more}")
