"""The read queries, written once as SQLAlchemy Core selects.

These selects are the only source of the SQL the tool runs to read. For the embedded
SQLite default, `ccmtui.db.compiled` holds them compiled ahead of time (regenerate with
`python -m ccmtui.db.compile`; a test fails when it is stale), so a read command needs
only the standard library's sqlite3. Any other database runs the selects here through
SQLAlchemy. Each submodule contributes its own `QUERIES`.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select

from ccmtui.db.queries import changes, log, obligations, register, workplan

READ_QUERIES: dict[str, Callable[[], Select]] = {
    **register.QUERIES,
    **log.QUERIES,
    **changes.QUERIES,
    **workplan.QUERIES,
    **obligations.QUERIES,
}
