"""Values the database keeps current itself: each engagement's date on the rows linking it to its
states and acting parties, on its campaign and on its replies; its kind and area on its states'
links and replies, its area on its campaign.

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


def _postgresql(carried: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    statements = []
    for link, columns in carried.items():
        statements += [
            f"CREATE OR REPLACE FUNCTION {function(link)}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"SELECT {', '.join(columns)} INTO {', '.join(f'NEW.{c}' for c in columns)} "
            "FROM engagements WHERE uuid = NEW.engagement_uuid; RETURN NEW; END $$",
            f"CREATE TRIGGER {link}_date BEFORE INSERT OR UPDATE OF engagement_uuid, {', '.join(columns)} ON {link} "
            f"FOR EACH ROW EXECUTE FUNCTION {function(link)}()",
        ]
    every = _engagement_columns(carried)
    statements += [
        "CREATE OR REPLACE FUNCTION ccm_engagement_date() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + " ".join(
            f"UPDATE {link} SET {_set(columns, 'NEW.')} WHERE engagement_uuid = NEW.uuid "
            f"AND {_row('', columns)} IS DISTINCT FROM {_row('NEW.', columns)};"
            for link, columns in carried.items()
        )
        + " RETURN NULL; END $$",
        f"CREATE TRIGGER engagements_date AFTER INSERT OR UPDATE OF {', '.join(every)} ON engagements "
        "FOR EACH ROW EXECUTE FUNCTION ccm_engagement_date()",
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
        *(f"DROP FUNCTION IF EXISTS {function(link)}()" for link in LINKS),
        "DROP FUNCTION IF EXISTS ccm_engagement_date()",
    )


def ddl(dialect: str, carried: dict[str, tuple[str, ...]] = CARRIED) -> tuple[str, ...]:
    """The statements creating the triggers on a database of this dialect ('sqlite', 'postgresql')."""
    return _sqlite(carried) if dialect == "sqlite" else _postgresql(carried)


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
