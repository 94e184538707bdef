"""Every listing's `--json` has the shape docs/json.md gives it, and every listing is there."""

from __future__ import annotations

import json
import re
import shlex

import pytest

from ..conftest import ROOT

PAGE = ROOT / "docs" / "json.md"
SECTION = re.compile(r"^## `ccm (?P<command>[^`]+) --json`\n\n```json\n(?P<schema>.*?)\n```", re.MULTILINE | re.DOTALL)
SCHEMAS = {match["command"]: json.loads(match["schema"]) for match in SECTION.finditer(PAGE.read_text("utf-8"))}
ENGAGEMENT = "480d530f"

# Records the sample lacks, so that each listing has rows to check.
PREPARE = [
    ["log", "call", "KEN", "-m", "A call", "-a", "universalization", "--date", "2024-01-01"],
    ["transparency", "add", "LAO", "--year", "2013", "--submitted", "2014-04-30", "--source", "Art. 7 report 2014"],
    ["article7", "add", "LAO", "--year", "2013", "--form", "A=changed", "--source", "Art. 7 report 2014"],
    ["measures", "add", "NZL", "-s", "adopted", "-d", "2009-12", "--measure", "Act 2009", "--source", "Art. 7 report"],
    ["cooperation", "add", "LBN", "needs", "--year", "2013", "--details", "clearance", "--source", "Art. 7 report"],
    ["margins", "add", "13MSP", "--with", "LAO", "--day", "2025-09-17", "--slot", "10:00-10:30"],
]
# Not listings: what a merge or a sync did.
REPORTS = {"merge", "sync"}

TYPES = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
    "array": list,
    "object": dict,
}


def problems(value, schema: dict, where: str = "$") -> list[str]:
    """Where `value` departs from `schema` (type, properties, required, items: the subset the page uses)."""
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        fits = [
            k
            for k in kinds
            if isinstance(value, TYPES[k]) and not (k in ("integer", "number") and isinstance(value, bool))
        ]
        if not fits:
            return [f"{where}: {type(value).__name__} where {'/'.join(kinds)} is documented"]
    found = []
    if isinstance(value, dict):
        found += [f"{where}.{key}: missing" for key in schema.get("required", []) if key not in value]
        for key, inner in schema.get("properties", {}).items():
            if key in value:
                found += problems(value[key], inner, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += problems(item, schema["items"], f"{where}[{index}]")
    return found


@pytest.fixture(scope="module")
def listed(tmp_path_factory):
    from ..conftest import CCM, SAMPLE

    folder = tmp_path_factory.mktemp("json")
    database = folder / "sample.db"
    database.write_bytes(SAMPLE.read_bytes())
    ccm = CCM(database)
    letter = folder / "signed-letter.pdf"
    letter.write_bytes(b"%PDF-1.4\n% a signed letter\n%%EOF\n")
    from .unga import write

    votes = write(folder / "votes.csv", [("THA", "Y", 2016), ("RUS", "N", 2016), ("THA", "A", 2017)])
    for args in [*PREPARE, ["attach", ENGAGEMENT, str(letter)], ["votes", "import", str(votes)]]:
        result = ccm(*args)
        assert result.exit_code == 0, (args, result.output)
    return ccm


def test_every_listing_with_json_is_on_the_page():
    import typer.main

    from ccmtui.cli import app

    def walk(command, path):
        if any("--json" in parameter.opts for parameter in command.params):
            yield path
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, (*path, name))

    documented = {
        tuple(w for w in shlex.split(c) if not re.fullmatch(r"[0-9a-f]{4,8}|--?\S+|\d+|[A-Z]{3}", w)) for c in SCHEMAS
    }
    commands = {path for path in walk(typer.main.get_command(app), ()) if path[0] not in REPORTS}
    assert commands - {tuple(c[: len(p)]) for p in commands for c in documented if c[: len(p)] == p} == set()
    assert all(schema["$id"].endswith("/1") for schema in SCHEMAS.values())


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", sorted(SCHEMAS))
def test_the_output_has_the_documented_shape(listed, command):
    result = listed(*shlex.split(command), "--json")
    assert result.exit_code == 0, result.output
    value = json.loads(result.stdout)
    assert problems(value, SCHEMAS[command]) == []
    if SCHEMAS[command].get("type") == "array" and "items" in SCHEMAS[command]:
        assert value, f"ccm {command} --json: no rows to check"
