"""Values the database keeps current itself: each engagement's date on the rows linking it to its
states and acting parties, on its campaign and on its replies; its kind and area on its states'
links and replies, its area on its campaign; and the engagements per day (db/models/derived.py).

With the date beside the state (or the actor) in one index, a state's newest engagements are a
range read in index order: a page costs a page, whatever the size of the log. With the kind and
area beside them too, whether a state had a démarche of an area in a period is one step into an
index, however many engagements the period holds; the replies to a period's démarches are one
range of the replies' own index, and a period's campaigns one range of theirs. Triggers keep the
copies equal to the engagement's own values on every path that writes (a command, an undo, a
sync, an import), in whatever order the engagement and the rows pointing at it arrive.
"""

from __future__ import annotations

# Each table pointing at an engagement (engagement_uuid) and the engagement's columns it carries.
CARRIED: dict[str, tuple[str, ...]] = {
    "engagement_states": ("occurred_on", "kind", "area"),
    "engagement_actors": ("occurred_on",),
    "campaigns": ("occurred_on", "area"),
    "replies": ("occurred_on", "kind", "area"),
}
# What the links carried before their kind and area (revisions 0009 to 0020).
DATES_ONLY: dict[str, tuple[str, ...]] = {"engagement_states": ("occurred_on",), "engagement_actors": ("occurred_on",)}
LINKS = tuple(CARRIED)


def _row(prefix: str, columns: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"{prefix}{c}" for c in columns) + ")"


def _set(columns: tuple[str, ...], prefix: str) -> str:
    return ", ".join(f"{c} = {prefix}{c}" for c in columns)


def _of_engagement(columns: tuple[str, ...], uuid: str) -> str:
    return f"(SELECT {', '.join(columns)} FROM engagements WHERE uuid = {uuid})"


def _target(columns: tuple[str, ...]) -> str:
    """The columns an UPDATE sets from one sub-select: a row of them, or the one column alone."""
    return columns[0] if len(columns) == 1 else _row("", columns)


def _engagement_columns(carried: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for columns in carried.values() for c in columns))


def _sqlite(carried: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    statements = []
    for link, columns in carried.items():
        differs = f"{_row('new.', columns)} IS NOT {_of_engagement(columns, 'new.engagement_uuid')}"
        copy = (
            f"UPDATE {link} SET {_target(columns)} = {_of_engagement(columns, 'new.engagement_uuid')} "
            "WHERE uuid = new.uuid; END"
        )
        statements += [
            # A link written after its engagement takes the engagement's values.
            f"CREATE TRIGGER {link}_date_insert AFTER INSERT ON {link} WHEN {differs} BEGIN {copy}",
            f"CREATE TRIGGER {link}_date_update AFTER UPDATE OF engagement_uuid, {', '.join(columns)} ON {link} "
            f"WHEN {differs} BEGIN {copy}",
        ]
    every = _engagement_columns(carried)
    to_links = " ".join(
        f"UPDATE {link} SET {_set(columns, 'new.')} WHERE engagement_uuid = new.uuid;"
        for link, columns in carried.items()
    )
    statements += [
        # An engagement written after its links (a sync copies table by table), or changed.
        f"CREATE TRIGGER engagements_date_insert AFTER INSERT ON engagements BEGIN {to_links} END",
        f"CREATE TRIGGER engagements_date_update AFTER UPDATE OF {', '.join(every)} ON engagements "
        f"WHEN {_row('new.', every)} IS NOT {_row('old.', every)} BEGIN {to_links} END",
    ]
    return tuple(statements)


# How the statement-level functions join the rows of a statement to a table: the planner knows
# nothing of a transition table (it guesses its size and spread), and on a large database it chose to
# read a whole index of a million links (a merge join) or a whole table of counts (a hash join), and
# to compile its plan (JIT), to find the few rows ten thousand new ones touch. One index step a row
# of the statement is what is wanted, whatever the size of the database.
_BY_INDEX = "SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off"


def _postgresql(carried: dict[str, tuple[str, ...]], *, sets: bool) -> tuple[str, ...]:
    statements = []
    for link, columns in carried.items():
        # A link moved to another engagement, or its copies written by hand, takes the engagement's
        # values again (one row at a time, as edits come).
        events = f"UPDATE OF engagement_uuid, {', '.join(columns)}"
        statements += [
            f"CREATE OR REPLACE FUNCTION {function(link)}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"SELECT {', '.join(columns)} INTO {', '.join(f'NEW.{c}' for c in columns)} "
            "FROM engagements WHERE uuid = NEW.engagement_uuid; RETURN NEW; END $$",
            f"CREATE TRIGGER {link}_date BEFORE {events if sets else 'INSERT OR ' + events} ON {link} "
            f"FOR EACH ROW EXECUTE FUNCTION {function(link)}()",
        ]
        if sets:
            # New links, however many one statement brings (a sync's COPY), take their engagement's
            # values in one UPDATE: only those arriving with other values (or before their engagement,
            # which leaves them none) are written again. Named to fire after the state counts of the
            # same INSERT, which count the links as they arrived; the UPDATE's own triggers move them.
            statements += [
                f"CREATE OR REPLACE FUNCTION {function(link)}_added() RETURNS trigger LANGUAGE plpgsql {_BY_INDEX} AS $$ "
                f"BEGIN UPDATE {link} SET {_set(columns, 'engagements.')} FROM added "
                f"LEFT JOIN engagements ON engagements.uuid = added.engagement_uuid WHERE {link}.uuid = added.uuid "
                f"AND {_row(f'{link}.', columns)} IS DISTINCT FROM {_row('engagements.', columns)}; "
                "RETURN NULL; END $$",
                f"CREATE TRIGGER {link}_values_added AFTER INSERT ON {link} REFERENCING NEW TABLE AS added "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {function(link)}_added()",
            ]
    every = _engagement_columns(carried)
    to_links = " ".join(
        f"UPDATE {link} SET {_set(columns, 'NEW.')} WHERE engagement_uuid = NEW.uuid "
        f"AND {_row('', columns)} IS DISTINCT FROM {_row('NEW.', columns)};"
        for link, columns in carried.items()
    )
    statements += [
        f"CREATE OR REPLACE FUNCTION ccm_engagement_date() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {to_links} "
        "RETURN NULL; END $$",
        f"CREATE TRIGGER engagements_date AFTER {'' if sets else 'INSERT OR '}UPDATE OF {', '.join(every)} "
        "ON engagements FOR EACH ROW EXECUTE FUNCTION ccm_engagement_date()",
    ]
    if sets:
        # New engagements (a sync's COPY) give their values to the links that came before them, one
        # UPDATE a table for the whole statement.
        statements += [
            f"CREATE OR REPLACE FUNCTION ccm_engagement_date_added() RETURNS trigger LANGUAGE plpgsql {_BY_INDEX} "
            "AS $$ BEGIN "
            + " ".join(
                f"UPDATE {link} SET {_set(columns, 'added.')} FROM added WHERE {link}.engagement_uuid = added.uuid "
                f"AND {_row(f'{link}.', columns)} IS DISTINCT FROM {_row('added.', columns)};"
                for link, columns in carried.items()
            )
            + " RETURN NULL; END $$",
            "CREATE TRIGGER engagements_date_added AFTER INSERT ON engagements REFERENCING NEW TABLE AS added "
            "FOR EACH STATEMENT EXECUTE FUNCTION ccm_engagement_date_added()",
        ]
    return tuple(statements)


def function(link: str) -> str:
    """The PostgreSQL function copying the engagement's values onto a new or moved link."""
    return "ccm_link_date" if link == "engagement_actors" else f"ccm_{link}_carry"


def drop(dialect: str) -> tuple[str, ...]:
    """The statements removing the triggers (and on PostgreSQL their functions), whatever the links carry."""
    if dialect == "sqlite":
        return tuple(
            f"DROP TRIGGER IF EXISTS {table}_date_{event}"
            for table in (*LINKS, "engagements")
            for event in ("insert", "update")
        )
    return (
        *(f"DROP TRIGGER IF EXISTS {table}_date ON {table}" for table in (*LINKS, "engagements")),
        *(f"DROP TRIGGER IF EXISTS {link}_values_added ON {link}" for link in LINKS),
        "DROP TRIGGER IF EXISTS engagements_date_added ON engagements",
        *(f"DROP FUNCTION IF EXISTS {function(link)}{added}()" for link in LINKS for added in ("", "_added")),
        "DROP FUNCTION IF EXISTS ccm_engagement_date()",
        "DROP FUNCTION IF EXISTS ccm_engagement_date_added()",
    )


def carry_ddl(dialect: str, carried: dict[str, tuple[str, ...]] = CARRIED, *, sets: bool = True) -> tuple[str, ...]:
    """The statements creating the triggers that copy the engagement's values onto the rows pointing
    at it ('sqlite', 'postgresql'). On PostgreSQL the rows an INSERT brings are handled together, by
    statement (revision 0023); `sets=False` gives the triggers of revisions 0009 to 0022, row by row."""
    return _sqlite(carried) if dialect == "sqlite" else _postgresql(carried, sets=sets)


# The four rows an engagement counts in: (kind, area) as (old|new).kind or '' and (old|new).area or ''.
_ROWS = "kind IN ({row}.kind, '') AND area IN ({row}.area, '') AND occurred_on = {row}.occurred_on"
_SQLITE_DAY_ADD = (
    "INSERT INTO engagements_per_day (kind, area, occurred_on, engagements) VALUES "
    "(new.kind, new.area, new.occurred_on, 1), (new.kind, '', new.occurred_on, 1), "
    "('', new.area, new.occurred_on, 1), ('', '', new.occurred_on, 1) "
    "ON CONFLICT (kind, area, occurred_on) DO UPDATE SET engagements = engagements + 1;"
)
_SQLITE_DAY_REMOVE = (
    f"UPDATE engagements_per_day SET engagements = engagements - 1 WHERE {_ROWS.format(row='old')}; "
    f"DELETE FROM engagements_per_day WHERE {_ROWS.format(row='old')} AND engagements <= 0;"
)
# On SQLite a state's day is its engagement's date, looked up: the order in which SQLite fires the
# triggers of one statement is not to be relied on, so these never read the date a link carries
# (which the link's own trigger may be correcting at the same time). A link counts once both it and
# its engagement are there, whichever came first.
_LINK_DAY = "(SELECT occurred_on FROM engagements WHERE uuid = {row}.engagement_uuid)"
_SQLITE_STATE_ADD = (
    "INSERT INTO state_engagements_per_day (iso3, occurred_on, engagements) "
    "SELECT new.iso3, occurred_on, 1 FROM engagements WHERE uuid = new.engagement_uuid "
    "ON CONFLICT (iso3, occurred_on) DO UPDATE SET engagements = engagements + 1;"
)
_SQLITE_STATE_REMOVE = (
    "UPDATE state_engagements_per_day SET engagements = engagements - 1 "
    f"WHERE iso3 = old.iso3 AND occurred_on = {_LINK_DAY.format(row='old')}; "
    "DELETE FROM state_engagements_per_day WHERE iso3 = old.iso3 "
    f"AND occurred_on = {_LINK_DAY.format(row='old')} AND engagements <= 0;"
)
_THE_STATES = "iso3 IN (SELECT iso3 FROM engagement_states WHERE engagement_uuid = {row}.uuid)"
_SQLITE_STATES_OF_ENGAGEMENT_ADD = (
    "INSERT INTO state_engagements_per_day (iso3, occurred_on, engagements) "
    "SELECT iso3, new.occurred_on, 1 FROM engagement_states WHERE engagement_uuid = new.uuid "
    "ON CONFLICT (iso3, occurred_on) DO UPDATE SET engagements = engagements + 1;"
)
_SQLITE_STATES_OF_ENGAGEMENT_REMOVE = (
    "UPDATE state_engagements_per_day SET engagements = engagements - 1 "
    f"WHERE {_THE_STATES.format(row='old')} AND occurred_on = old.occurred_on; "
    f"DELETE FROM state_engagements_per_day WHERE {_THE_STATES.format(row='old')} "
    "AND occurred_on = old.occurred_on AND engagements <= 0;"
)
_SQLITE_DAYS = [
    "CREATE TRIGGER engagements_days_insert AFTER INSERT ON engagements "
    f"BEGIN {_SQLITE_DAY_ADD} {_SQLITE_STATES_OF_ENGAGEMENT_ADD} END",
    "CREATE TRIGGER engagements_days_delete AFTER DELETE ON engagements "
    f"BEGIN {_SQLITE_DAY_REMOVE} {_SQLITE_STATES_OF_ENGAGEMENT_REMOVE} END",
    "CREATE TRIGGER engagements_days_update AFTER UPDATE OF occurred_on, kind, area ON engagements "
    "WHEN new.occurred_on IS NOT old.occurred_on OR new.kind IS NOT old.kind OR new.area IS NOT old.area "
    f"BEGIN {_SQLITE_DAY_REMOVE} {_SQLITE_DAY_ADD} END",
    "CREATE TRIGGER engagements_state_days_update AFTER UPDATE OF occurred_on ON engagements "
    "WHEN new.occurred_on IS NOT old.occurred_on "
    f"BEGIN {_SQLITE_STATES_OF_ENGAGEMENT_REMOVE} {_SQLITE_STATES_OF_ENGAGEMENT_ADD} END",
    f"CREATE TRIGGER engagement_states_days_insert AFTER INSERT ON engagement_states BEGIN {_SQLITE_STATE_ADD} END",
    f"CREATE TRIGGER engagement_states_days_delete AFTER DELETE ON engagement_states BEGIN {_SQLITE_STATE_REMOVE} END",
    "CREATE TRIGGER engagement_states_days_update AFTER UPDATE OF iso3, engagement_uuid ON engagement_states "
    "WHEN new.iso3 IS NOT old.iso3 OR new.engagement_uuid IS NOT old.engagement_uuid "
    f"BEGIN {_SQLITE_STATE_REMOVE} {_SQLITE_STATE_ADD} END",
]
_POSTGRESQL_DAYS: tuple[str, ...] = (
    "CREATE OR REPLACE FUNCTION ccm_engagement_days() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'UPDATE' AND (NEW.occurred_on, NEW.kind, NEW.area) IS NOT DISTINCT FROM "
    "(OLD.occurred_on, OLD.kind, OLD.area) THEN RETURN NULL; END IF; "
    "IF TG_OP <> 'INSERT' THEN "
    f"UPDATE engagements_per_day SET engagements = engagements - 1 WHERE {_ROWS.format(row='OLD')}; "
    f"DELETE FROM engagements_per_day WHERE {_ROWS.format(row='OLD')} AND engagements <= 0; "
    "END IF; "
    "IF TG_OP <> 'DELETE' THEN "
    "INSERT INTO engagements_per_day AS d (kind, area, occurred_on, engagements) VALUES "
    "(NEW.kind, NEW.area, NEW.occurred_on, 1), (NEW.kind, '', NEW.occurred_on, 1), "
    "('', NEW.area, NEW.occurred_on, 1), ('', '', NEW.occurred_on, 1) "
    "ON CONFLICT (kind, area, occurred_on) DO UPDATE SET engagements = d.engagements + 1; "
    "END IF; "
    "RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION ccm_state_days() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'UPDATE' AND (NEW.iso3, NEW.occurred_on) IS NOT DISTINCT FROM (OLD.iso3, OLD.occurred_on) "
    "THEN RETURN NULL; END IF; "
    "IF TG_OP <> 'INSERT' AND OLD.occurred_on IS NOT NULL THEN "
    "UPDATE state_engagements_per_day SET engagements = engagements - 1 "
    "WHERE iso3 = OLD.iso3 AND occurred_on = OLD.occurred_on; "
    "DELETE FROM state_engagements_per_day WHERE iso3 = OLD.iso3 AND occurred_on = OLD.occurred_on "
    "AND engagements <= 0; "
    "END IF; "
    "IF TG_OP <> 'DELETE' AND NEW.occurred_on IS NOT NULL THEN "
    "INSERT INTO state_engagements_per_day AS d (iso3, occurred_on, engagements) "
    "VALUES (NEW.iso3, NEW.occurred_on, 1) "
    "ON CONFLICT (iso3, occurred_on) DO UPDATE SET engagements = d.engagements + 1; "
    "END IF; "
    "RETURN NULL; END $$",
    "CREATE TRIGGER engagements_days AFTER {events}occurred_on, kind, area ON engagements "
    "FOR EACH ROW EXECUTE FUNCTION ccm_engagement_days()",
    "CREATE TRIGGER engagement_states_days AFTER {events}iso3, occurred_on "
    "ON engagement_states FOR EACH ROW EXECUTE FUNCTION ccm_state_days()",
)


def _grouped(table: str, keys: tuple[str, ...], rows: str, *, added: bool) -> str:
    """The statement adding (or taking away) the rows of `rows` to the counts of `table`, one row of
    counts for each key: an upsert, or a decrement then the removal of the counts at nothing, each
    taking the keys in order (two writers of the same days wait for each other rather than deadlock)."""
    columns = ", ".join(keys)
    counted = f"SELECT {columns}, count(*) AS n FROM ({rows}) AS r GROUP BY {columns} ORDER BY {columns}"
    if added:
        return (
            f"INSERT INTO {table} AS d ({columns}, engagements) {counted} "
            f"ON CONFLICT ({columns}) DO UPDATE SET engagements = d.engagements + EXCLUDED.engagements;"
        )
    same = " AND ".join(f"d.{key} = g.{key}" for key in keys)
    return (
        f"UPDATE {table} AS d SET engagements = d.engagements - g.n FROM ({counted}) AS g WHERE {same}; "
        f"DELETE FROM {table} AS d USING ({counted}) AS g WHERE {same} AND d.engagements <= 0;"
    )


# The four rows each engagement counts in, and each state link with a date (a link counts once it
# carries its engagement's date).
_ENGAGEMENT_ROWS = (
    "SELECT k.kind, k.area, t.occurred_on FROM {t} AS t CROSS JOIN LATERAL "
    "(VALUES (t.kind, t.area), (t.kind, ''), ('', t.area), ('', '')) AS k (kind, area)"
)
_STATE_ROWS = "SELECT iso3, occurred_on FROM {t} WHERE occurred_on IS NOT NULL"
# The rows an INSERT brings and a DELETE takes, however many (a sync's COPY, a merge's undo), counted
# together by statement: one grouped statement a table of counts.
_POSTGRESQL_DAY_SETS: tuple[str, ...] = tuple(
    statement
    for table, function_, counts, keys, rows in (
        (
            "engagements",
            "ccm_engagement_days",
            "engagements_per_day",
            ("kind", "area", "occurred_on"),
            _ENGAGEMENT_ROWS,
        ),
        ("engagement_states", "ccm_state_days", "state_engagements_per_day", ("iso3", "occurred_on"), _STATE_ROWS),
    )
    for event, name, transition, added in (("INSERT", "added", "NEW", True), ("DELETE", "removed", "OLD", False))
    for statement in (
        f"CREATE OR REPLACE FUNCTION {function_}_{name}() RETURNS trigger LANGUAGE plpgsql {_BY_INDEX} AS $$ BEGIN "
        f"{_grouped(counts, keys, rows.format(t=name), added=added)} RETURN NULL; END $$",
        f"CREATE TRIGGER {table}_days_{name} AFTER {event} ON {table} REFERENCING {transition} TABLE AS {name} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {function_}_{name}()",
    )
)


def day_counts_ddl(dialect: str, *, sets: bool = True) -> tuple[str, ...]:
    """The statements creating the triggers that keep the per-day counts; their tables exist first
    (db/models/derived.py). On PostgreSQL the rows of an INSERT or a DELETE are counted together, by
    statement, and an UPDATE (edits come one at a time) row by row (revision 0023); `sets=False` gives
    the triggers of revisions 0020 to 0022, row by row."""
    if dialect == "sqlite":
        return tuple(_SQLITE_DAYS)
    events = "UPDATE OF " if sets else "INSERT OR DELETE OR UPDATE OF "
    row_level = tuple(statement.replace("{events}", events) for statement in _POSTGRESQL_DAYS)
    return (*row_level, *_POSTGRESQL_DAY_SETS) if sets else row_level


def drop_day_counts(dialect: str) -> tuple[str, ...]:
    """The statements removing the triggers that keep the per-day counts (the tables stay)."""
    if dialect == "sqlite":
        return tuple(f"DROP TRIGGER IF EXISTS {statement.split()[2]}" for statement in _SQLITE_DAYS)
    return (
        *(
            f"DROP TRIGGER IF EXISTS {table}_days{name} ON {table}"
            for table in ("engagements", "engagement_states")
            for name in ("", "_added", "_removed")
        ),
        *(
            f"DROP FUNCTION IF EXISTS {function_}{name}()"
            for function_ in ("ccm_engagement_days", "ccm_state_days")
            for name in ("", "_added", "_removed")
        ),
    )


def ddl(dialect: str, *, sets: bool = True) -> tuple[str, ...]:
    """Every trigger of a database of this dialect at this revision: the copies and the counts
    (`sets=False`: PostgreSQL's of revisions 0021 and 0022, row by row)."""
    return (*carry_ddl(dialect, sets=sets), *day_counts_ddl(dialect, sets=sets))


SQLITE_DDL: tuple[str, ...] = ddl("sqlite")
POSTGRESQL_DDL: tuple[str, ...] = ddl("postgresql")


def fill(dialect: str, carried: dict[str, tuple[str, ...]] = CARRIED) -> tuple[str, ...]:
    """The statements copying every engagement's values onto its links (an existing database)."""
    return tuple(_copy(dialect, link, columns, only_differing=False) for link, columns in carried.items())


def settle(dialect: str, carried: dict[str, tuple[str, ...]] = CARRIED) -> tuple[str, ...]:
    """The statements giving each link its engagement's values where they differ (after a load with
    the triggers off); on a consistent database they change nothing."""
    return tuple(_copy(dialect, link, columns, only_differing=True) for link, columns in carried.items())


def _copy(dialect: str, link: str, columns: tuple[str, ...], *, only_differing: bool) -> str:
    if dialect == "sqlite":
        found = _of_engagement(columns, f"{link}.engagement_uuid").replace("WHERE uuid", "WHERE engagements.uuid")
        where = f" WHERE {_row('', columns)} IS NOT {found}" if only_differing else ""
        return f"UPDATE {link} SET {_target(columns)} = {found}{where}"
    values = _row("engagements.", columns)
    where = f" AND {_row(f'{link}.', columns)} IS DISTINCT FROM {values}" if only_differing else ""
    return (
        f"UPDATE {link} SET {_set(columns, 'engagements.')} FROM engagements "
        f"WHERE engagements.uuid = {link}.engagement_uuid{where}"
    )


# Each of the four groupings of engagements_per_day: (kind, area columns written, GROUP BY), each
# read from the engagements index that covers it.
_DAY_GROUPS = (
    ("kind, area", "kind, area, "),
    ("kind, ''", "kind, "),
    ("'', area", "area, "),
    ("'', ''", ""),
)


def rebuild(dialect: str) -> tuple[str, ...]:
    """The statements computing the per-day counts afresh from the records (an existing database,
    or one loaded with the triggers off), in one GROUP BY each; the same on both dialects."""
    del dialect
    return (
        "DELETE FROM engagements_per_day",
        "DELETE FROM state_engagements_per_day",
        *(
            f"INSERT INTO engagements_per_day (kind, area, occurred_on, engagements) "
            f"SELECT {written}, occurred_on, count(*) FROM engagements GROUP BY {grouped}occurred_on"
            for written, grouped in _DAY_GROUPS
        ),
        "INSERT INTO state_engagements_per_day (iso3, occurred_on, engagements) "
        "SELECT iso3, occurred_on, count(*) FROM engagement_states WHERE occurred_on IS NOT NULL "
        "GROUP BY iso3, occurred_on",
    )
