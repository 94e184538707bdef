"""The action plans' actions: the shipped action_plan.csv, or an updated plan in the same columns."""

from __future__ import annotations

import csv
import io

from ccmtui.domain.action_plan import spell_action
from ccmtui.domain.areas import parse_area
from ccmtui.domain.errors import InputError
from ccmtui.files import RowProblems

PLAN_COLUMNS = ("code", "area", "title", "indicators", "source")


def read_plan_actions(text: str, source: str = "action_plan.csv") -> list[dict]:
    """Rows of code, area, title, indicators (one per line or separated by ' | '), source; all valid or none."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in ("code", "source") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{source}: no {' or '.join(missing)} column; the columns are {', '.join(PLAN_COLUMNS)}")
    problems = RowProblems(source)
    rows: dict[str, dict] = {}
    for row in reader:
        try:
            code = spell_action(row["code"] or "")
            if code in rows:
                raise ValueError(f"{code} is given twice")
            area = (row.get("area") or "").strip()
            area = parse_area(area) if area else ""
            lines = (row.get("indicators") or "").replace(" | ", "\n").splitlines()
            found = (row.get("source") or "").strip()
            if not found:
                raise ValueError(f"{code} has no source: say which document the action comes from")
        except (InputError, ValueError) as error:
            problems.add(reader.line_num, str(error))
            continue
        plan, _, number = code.partition("-")
        rows[code] = {
            "code": code,
            "plan": plan,
            "number": number,
            "area": area,
            "title": " ".join((row.get("title") or "").split()),
            "indicators": "\n".join(" ".join(line.split()) for line in lines if line.strip()),
            "source": found,
        }
    problems.raise_if_any()
    if not rows:
        raise InputError(f"{source}: no actions in the file")
    return list(rows.values())
