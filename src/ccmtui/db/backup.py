"""A server's database saved with pg_dump, the password passed in the environment, never on the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ccmtui.db.target import Target
from ccmtui.domain.errors import DatabaseError


def libpq_environment(target: Target) -> dict[str, str]:
    """PG* variables naming the server, the login and the database (and the password, if the URL holds one)."""
    from sqlalchemy.engine import make_url

    url = make_url(target.url)
    env = {}
    for name, value in (
        ("PGHOST", url.host),
        ("PGPORT", url.port),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGDATABASE", url.database),
    ):
        if value is not None:
            env[name] = str(value)
    for key, name in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT"), ("host", "PGHOST")):
        if key in url.query:
            value = url.query[key]
            env[name] = value if isinstance(value, str) else value[0]
    return env


def pg_dump(target: Target, file: Path) -> None:
    """Save the whole database to `file` (pg_dump's custom format, restored with pg_restore)."""
    program = shutil.which("pg_dump")
    if program is None:
        raise DatabaseError("pg_dump is not installed (apt-get install postgresql-client); nothing was upgraded")
    env = {**os.environ, **libpq_environment(target)}
    done = subprocess.run(
        [program, "--format=custom", "--no-password", "--file", str(file)], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["pg_dump failed"])[-1]
        raise DatabaseError(f"{target.masked}: the backup failed ({detail}); nothing was upgraded")
    file.chmod(0o600)
