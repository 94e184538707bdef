"""Values the database keeps current itself: each engagement's date on the rows linking it to its
states and acting parties.

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
SQLITE_DDL: tuple[str, ...] = tuple(_SQLITE)

POSTGRESQL_DDL: tuple[str, ...] = (
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


def ddl(dialect: str) -> tuple[str, ...]:
    """The statements creating the triggers on a database of this dialect ('sqlite', 'postgresql')."""
    return SQLITE_DDL if dialect == "sqlite" else POSTGRESQL_DDL


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
