"""Values the database keeps current itself: each engagement's date on the rows linking it to its
states and acting parties, and the engagements per day (db/models/derived.py).

With the date beside the state (or the actor) in one index, a state's newest engagements are a
range read in index order: a page costs a page, whatever the size of the log. Triggers keep the
copies equal to the engagement's date on every path that writes (a command, an undo, a sync, an
import), in whatever order the engagement and its links arrive.
"""

from __future__ import annotations

LINKS = ("engagement_states", "engagement_actors")

_SQLITE = []
for _link in LINKS:
    _SQLITE += [
        # A link written after its engagement takes the engagement's date.
        f"CREATE TRIGGER {_link}_date_insert AFTER INSERT ON {_link} "
        f"WHEN new.occurred_on IS NOT (SELECT occurred_on FROM engagements WHERE uuid = new.engagement_uuid) BEGIN "
        f"UPDATE {_link} SET occurred_on = (SELECT occurred_on FROM engagements WHERE uuid = new.engagement_uuid) "
        "WHERE uuid = new.uuid; END",
        f"CREATE TRIGGER {_link}_date_update AFTER UPDATE OF engagement_uuid, occurred_on ON {_link} "
        f"WHEN new.occurred_on IS NOT (SELECT occurred_on FROM engagements WHERE uuid = new.engagement_uuid) BEGIN "
        f"UPDATE {_link} SET occurred_on = (SELECT occurred_on FROM engagements WHERE uuid = new.engagement_uuid) "
        "WHERE uuid = new.uuid; END",
    ]
_SQLITE += [
    # An engagement written after its links (a sync copies table by table), or moved to another day.
    "CREATE TRIGGER engagements_date_insert AFTER INSERT ON engagements BEGIN "
    + " ".join(f"UPDATE {link} SET occurred_on = new.occurred_on WHERE engagement_uuid = new.uuid;" for link in LINKS)
    + " END",
    "CREATE TRIGGER engagements_date_update AFTER UPDATE OF occurred_on ON engagements "
    "WHEN new.occurred_on IS NOT old.occurred_on BEGIN "
    + " ".join(f"UPDATE {link} SET occurred_on = new.occurred_on WHERE engagement_uuid = new.uuid;" for link in LINKS)
    + " END",
]

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
SQLITE_DDL: tuple[str, ...] = (*_SQLITE, *_SQLITE_DAYS)

_POSTGRESQL_LINKS: tuple[str, ...] = (
    "CREATE OR REPLACE FUNCTION ccm_link_date() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "NEW.occurred_on := (SELECT occurred_on FROM engagements WHERE uuid = NEW.engagement_uuid); "
    "RETURN NEW; END $$",
    "CREATE OR REPLACE FUNCTION ccm_engagement_date() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    + " ".join(
        f"UPDATE {link} SET occurred_on = NEW.occurred_on WHERE engagement_uuid = NEW.uuid "
        "AND occurred_on IS DISTINCT FROM NEW.occurred_on;"
        for link in LINKS
    )
    + " RETURN NULL; END $$",
    *(
        f"CREATE TRIGGER {link}_date BEFORE INSERT OR UPDATE OF engagement_uuid, occurred_on ON {link} "
        "FOR EACH ROW EXECUTE FUNCTION ccm_link_date()"
        for link in LINKS
    ),
    "CREATE TRIGGER engagements_date AFTER INSERT OR UPDATE OF occurred_on ON engagements "
    "FOR EACH ROW EXECUTE FUNCTION ccm_engagement_date()",
)
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
    "CREATE TRIGGER engagements_days AFTER INSERT OR DELETE OR UPDATE OF occurred_on, kind, area ON engagements "
    "FOR EACH ROW EXECUTE FUNCTION ccm_engagement_days()",
    "CREATE TRIGGER engagement_states_days AFTER INSERT OR DELETE OR UPDATE OF iso3, occurred_on "
    "ON engagement_states FOR EACH ROW EXECUTE FUNCTION ccm_state_days()",
)
POSTGRESQL_DDL: tuple[str, ...] = (*_POSTGRESQL_LINKS, *_POSTGRESQL_DAYS)


def ddl(dialect: str) -> tuple[str, ...]:
    """The statements creating the triggers on a database of this dialect ('sqlite', 'postgresql');
    the tables they write to exist first (db/models/derived.py)."""
    return SQLITE_DDL if dialect == "sqlite" else POSTGRESQL_DDL


def link_dates_ddl(dialect: str) -> tuple[str, ...]:
    """The statements creating the triggers that keep the links' dates alone."""
    return tuple(_SQLITE) if dialect == "sqlite" else _POSTGRESQL_LINKS


def day_counts_ddl(dialect: str) -> tuple[str, ...]:
    """The statements creating the triggers that keep the per-day counts alone."""
    return tuple(_SQLITE_DAYS) if dialect == "sqlite" else _POSTGRESQL_DAYS


def fill(dialect: str) -> tuple[str, ...]:
    """The statements copying every engagement's date onto its links (an existing database)."""
    return tuple(
        f"UPDATE {link} SET occurred_on = (SELECT occurred_on FROM engagements WHERE engagements.uuid = "
        f"{link}.engagement_uuid)"
        if dialect == "sqlite"
        else f"UPDATE {link} SET occurred_on = engagements.occurred_on FROM engagements "
        f"WHERE engagements.uuid = {link}.engagement_uuid"
        for link in LINKS
    )


def settle(dialect: str) -> tuple[str, ...]:
    """The statements giving each link its engagement's date where it differs (after a load with the
    triggers off); on a consistent database they change nothing."""
    return tuple(
        f"UPDATE {link} SET occurred_on = (SELECT occurred_on FROM engagements WHERE engagements.uuid = "
        f"{link}.engagement_uuid) WHERE occurred_on IS NOT (SELECT occurred_on FROM engagements "
        f"WHERE engagements.uuid = {link}.engagement_uuid)"
        if dialect == "sqlite"
        else f"UPDATE {link} SET occurred_on = engagements.occurred_on FROM engagements "
        f"WHERE engagements.uuid = {link}.engagement_uuid AND {link}.occurred_on IS DISTINCT FROM engagements.occurred_on"
        for link in LINKS
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
