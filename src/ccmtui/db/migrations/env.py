"""Alembic environment: migrations run on the connection ccm hands over (see ccmtui.db.migrate)."""

from __future__ import annotations

from alembic import context

from ccmtui.db.models import Base

# Generating a revision may point at another metadata (the schema as it stood at a release).
target_metadata = Base.metadata


def include_name(name, type_, parent_names) -> bool:
    from ccmtui.db.sqlite_extras import is_search_table

    return not (type_ == "table" and is_search_table(name))


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=context.config.attributes.get("target_metadata", target_metadata),
        # SQLite alters tables by copying them ("batch" mode).
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("ccm migrations run online only: ccm db upgrade")
run_migrations_online()
