"""Bad input, generated: every command's arguments, the CSV imports and TOML work plans (over 1,000 cases).

Whatever the input: no traceback, only the documented exit codes (0, 1, 2, 3), and after any
failure the database exactly as it was (compared by its logical dump). New commands are picked up
from the CLI itself. The cases are drawn the same way every run (derandomized), so CI is stable.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ccmtui.seed.sample import logical_dump

from ..conftest import SAMPLE
from .conftest import DOCUMENTED_EXITS

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]

# Left out: the app itself (a terminal UI), a program launcher, and a builder of files of any size.
SKIPPED = {("tui",), ("attachment", "open"), ("sample", "build")}
ARGUMENT_CASES = 1_000  # spread over every command
CSV_CASES = 150  # per kind of imported file


def _commands():
    import typer.main

    from ccmtui.cli import app

    root = typer.main.get_command(app)

    def walk(command, path):
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                yield from walk(sub, (*path, name))
        elif path not in SKIPPED:
            yield path, command

    return root, dict(walk(root, ()))


ROOT_COMMAND, COMMANDS = _commands()
PER_COMMAND = -(-ARGUMENT_CASES // len(COMMANDS))


def _ids() -> list[str]:
    connection = sqlite3.connect(SAMPLE)
    try:
        found = [u for (u,) in connection.execute("SELECT uuid FROM engagements UNION ALL SELECT uuid FROM campaigns")]
    finally:
        connection.close()
    return [u[:8] for u in found] + [found[0][:4], found[0], found[0].upper()]


# Text a user might type, and text no one should: no path separators, so whatever a command
# makes of it as a file name stays in the test's own folder.
SAFE_TEXT = st.text(alphabet=st.characters(blacklist_characters="/\\\x00", blacklist_categories=("Cs",)), max_size=40)
VALUES = [
    # states, as codes and names, well and badly written
    "KEN",
    "ken",
    "Lao PDR",
    "Côte d'Ivoire",
    "Ivory Coast",
    "USA",
    "XXX",
    "",
    " ",
    "Kenya;Uganda",
    "KEN UGA",
    # kinds, areas, channels, stances, categories, statuses
    "demarche",
    "démarche",
    "note-verbale",
    "nv",
    "call",
    "meeting",
    "bogus-kind",
    "univ",
    "universalization",
    "clearance",
    "victim",
    "stockpile",
    "geneva",
    "new-york",
    "capital",
    "positive",
    "neutral",
    "negative",
    "meh",
    "I",
    "II",
    "III",
    "IV",
    "0",
    "category:II",
    "region:Asia",
    "region:Atlantis",
    "status:non-signatory",
    "status:states-parties",
    "status:",
    "state:KEN",
    ":",
    "category:",
    # dates and meetings
    "2024-01-01",
    "2013-09-09",
    "2024-02-30",
    "9999-12-31",
    "0001-01-01",
    "24-1-1",
    "today",
    "4MSP",
    "1RC",
    "99MSP",
    "2008-12-02",
    # numbers
    "-1",
    "0",
    "1",
    "10",
    "99999999999999999999",
    "1e9",
    "NaN",
    # action points, config keys, quarters
    "VAP-3",
    "LAP-17",
    "DAP-999",
    "XAP-1",
    "name",
    "state",
    "area",
    "db",
    "2025Q1",
    # quoting and injection
    "'; DROP TABLE engagements; --",
    '"',
    "'",
    "O'Brien",
    "=cmd|' /C calc'!A0",
    "*",
    "%",
    "_",
    "NEAR(a b)",
    "a OR b",
    "-",
    "--",
    "---",
    "\t",
    "\n",
    "é" * 300,
    "x" * 301,
    # files: none of them exist in the test's folder
    "missing.csv",
    "notes.txt",
    ".",
]


STATES = ["KEN", "UGA", "Lao PDR", "Ivory Coast", "Côte d'Ivoire", "Brazil", "USA", "IND", "PRT", "GHA", "XXX"]
DATES = ["2024-01-01", "2013-09-09", "2025-06-30", "2024-02-30", "9999-12-31", "0001-01-01", "4MSP", "1RC", "today"]
# Values that make sense for a parameter, by its name: most cases get past parsing into the command.
MEANINGFUL = {
    "kind": ["demarche", "meeting", "letter", "note-verbale", "call", "email", "workshop", "statement", "other", "nv"],
    "state": STATES,
    "states": STATES,
    "except": STATES,
    "by": STATES + ["ICRC", "CMC", "ICCR", "Portugal and Japan"],
    "with": ["Ana Costa", "ICRC", "Red Cross", "Nobody"],
    "category": ["I", "II", "III", "2", "IV"],
    "stance": ["positive", "neutral", "negative", "meh"],
    "area": ["universalization", "univ", "clearance", "victim-assistance", "transparency", "nope"],
    "channel": ["capital", "geneva", "new-york", "ny", "moon"],
    "status": ["party", "pending", "signatory", "non-signatory", "withdrawn", "states-parties", "bogus"],
    "region": ["Africa", "Asia", "Europe", "Eastern Africa", "South-eastern Asia", "Atlantis"],
    "to": ["status:non-signatory", "category:II", "region:Asia", "KEN", "state:UGA", "status:bogus", "region:"],
    "date": DATES,
    "as_of": DATES,
    "since": DATES,
    "until": DATES,
    "follow_up": DATES,
    "dated": DATES,
    "limit": ["1", "5", "0", "-3", "100000"],
    "days": ["0", "30", "-1", "99999"],
    "within": ["0", "90", "x"],
    "ap": ["VAP-3", "DAP-12", "LAP-17", "lap 4", "XAP-1"],
    "action_point": ["VAP-3", "LAP-17"],
    "summary": ["Met the ambassador", "O'Brien said '; DROP TABLE engagements; --", ""],
    "notes": ["Follow up in May.", '=HYPERLINK("x")', ""],
    "rationale": ["Said it will join", ""],
    "title": ["Joint démarche 2026", "'; DELETE FROM campaigns; --", " "],
    "text": ["ratification", "bill parliament", '"unbalanced', "NEAR(a b)", "*", "a OR", '"', '" "'],
    "key": ["name", "state", "area", "db", "colour"],
    "value": ["Ana Silva", "PRT", "univ", ""],
    "file": ["good.csv", "notes.txt", "missing.csv", "."],
    "output": ["saved.bin", "saved.bin", "."],
    "other": ["missing.db", "notes.txt"],
    "url": ["missing.db", "notes.txt"],
}


def _value(name: str) -> st.SearchStrategy[str]:
    meaningful = MEANINGFUL.get(name.lstrip("-").replace("-", "_"))
    ids = _ids() if name in ("target", "engagement", "campaign", "source", "attachment") else []
    pool = (meaningful or []) + ids
    junk = st.one_of(st.sampled_from(VALUES), SAFE_TEXT)
    if not pool:
        return junk
    # Seven times in ten a sensible value, so that most cases reach the command's own checks.
    return st.integers(0, 9).flatmap(lambda roll: st.sampled_from(pool) if roll < 7 else junk)


def _tokens(command) -> st.SearchStrategy[list[str]]:
    """Arguments shaped like the command's own (mostly sensible, sometimes not), then perhaps mangled."""
    positional, optional = [], []
    for param in command.params:
        opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
        if not opts:  # an argument
            many = param.nargs == -1
            present = st.lists(_value(param.name), min_size=1, max_size=3 if many else 1)
            positional.append(st.integers(0, 9).flatmap(lambda roll, p=present: p if roll else st.just([])))
        elif getattr(param, "is_flag", False):
            optional.append(st.sampled_from([[], [], opts[0]]).map(lambda o: [o] if isinstance(o, str) else o))
        else:
            pair = st.tuples(st.sampled_from(opts), _value(param.name.replace("_", "-"))).map(list)
            optional.append(st.one_of(st.just([]), pair, st.tuples(pair, pair).map(lambda p: p[0] + p[1])))

    @st.composite
    def build(draw):
        args = [token for part in positional for token in draw(part)]
        args += [token for part in optional for token in draw(part)]
        stray = st.one_of(st.sampled_from(VALUES + ["--help", "--nope", "-z"]), SAFE_TEXT)
        for token in draw(st.lists(stray, max_size=draw(st.sampled_from([0, 0, 0, 1, 2])))):
            args.insert(draw(st.integers(0, len(args))), token)
        return args

    return build()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    db = folder / "fuzz.db"
    shutil.copy(SAMPLE, db)
    (folder / "notes.txt").write_text("Notes of a meeting.\n", encoding="utf-8")
    (folder / "good.csv").write_text(
        "date,kind,states,area,summary\n2024-05-06,call,KEN;UGA,universalization,Called both missions\n",
        encoding="utf-8",
    )
    return folder, db


def check(result, db: Path, before: dict, what: str) -> None:
    assert result.exit_code in DOCUMENTED_EXITS, f"{what}: exit {result.exit_code}: {result.output[-500:]}"
    assert result.exception is None or isinstance(result.exception, SystemExit), f"{what}: {result.exception!r}"
    assert "Traceback" not in result.output, what
    if result.exit_code != 0:
        assert logical_dump(db) == before, f"{what} failed (exit {result.exit_code}) yet changed the database"


def invoke(args: list[str], db: Path):
    return CliRunner().invoke(ROOT_COMMAND, ["--db", str(db), *args], prog_name="ccm", input="")


@pytest.fixture(autouse=True)
def built_once(monkeypatch):
    """The CLI's click command is built once: rebuilding it for each of a thousand cases costs 20 s."""
    import typer.testing

    build = typer.testing._get_command
    monkeypatch.setattr(typer.testing, "_get_command", lambda app: app if app is ROOT_COMMAND else build(app))


FUZZ_SETTINGS = settings(
    max_examples=PER_COMMAND,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_any_arguments_give_a_documented_exit_and_leave_nothing_half_done(path, workspace, identity, monkeypatch):
    folder, db = workspace
    monkeypatch.chdir(folder)

    @FUZZ_SETTINGS
    @given(args=_tokens(COMMANDS[path]))
    def case(args):
        before = logical_dump(db)
        result = invoke([*path, *args], db)
        check(result, db, before, f"ccm {' '.join(path)} {args!r}")

    case()


ENGAGEMENT_HEADER = [
    "date",
    "kind",
    "states",
    "area",
    "summary",
    "channel",
    "by",
    "notes",
    "action_points",
    "follow_up",
]
REPLY_HEADER = ["engagement", "state", "date", "stance", "summary", "category"]
STATE_HEADER = ["name", "iso3", "region", "subregion", "signed", "deposited", "instrument", "withdrawal_notified",
                "source", "intermediate_region"]  # fmt: skip
CELLS = VALUES + [
    "Africa",
    "Europe",
    "Eastern Africa",
    "ratification",
    "accession",
    "2010-08-01",
    "2009-01-01",
    "a,b",
    'say "hi"',
    "line\nbreak",
]


@st.composite
def csv_files(draw, header: list[str]) -> bytes:
    """A CSV file as a spreadsheet might save it, or mangle it."""
    columns = draw(
        st.one_of(st.just(header), st.lists(st.sampled_from(header + ["extra", ""]), max_size=len(header) + 1))
    )
    cell = st.one_of(st.sampled_from(CELLS + _ids()), SAFE_TEXT)
    rows = draw(st.lists(st.lists(cell, min_size=max(0, len(columns) - 2), max_size=len(columns) + 1), max_size=6))
    import csv
    import io

    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(columns)
    writer.writerows(rows)
    data = text.getvalue().encode("utf-8")
    mangle = draw(st.sampled_from(["none", "none", "bom", "latin-1", "truncate", "nul", "empty"]))
    if mangle == "bom":
        data = b"\xef\xbb\xbf" + data
    elif mangle == "latin-1":
        data = data + "Côte\n".encode("latin-1")
    elif mangle == "truncate":
        data = data[: draw(st.integers(0, max(0, len(data) - 1)))]
    elif mangle == "nul":
        data = data.replace(b",", b"\x00,", 1)
    elif mangle == "empty":
        data = b""
    return data


@pytest.mark.parametrize(
    "command, header",
    [
        (("import", "engagements"), ENGAGEMENT_HEADER),
        (("import", "replies"), REPLY_HEADER),
        (("states", "update"), STATE_HEADER),
    ],
    ids=["import engagements", "import replies", "states update"],
)
def test_any_csv_file_gives_a_documented_exit_and_all_or_nothing(command, header, workspace, identity, monkeypatch):
    folder, db = workspace
    monkeypatch.chdir(folder)
    path = folder / "input.csv"

    @settings(FUZZ_SETTINGS, max_examples=CSV_CASES)
    @given(data=csv_files(header))
    def case(data):
        path.write_bytes(data)
        before = logical_dump(db)
        result = invoke([*command, str(path)], db)
        check(result, db, before, f"ccm {' '.join(command)} with {data[:300]!r}")

    case()


TOML_VALUES = [
    '""', '"   "', "0", "-1", "1e999", "nan", "true", "2024-13-01", "2024-02-30", "9999-12-31", "[]", '["XXX"]',
    "[1, 2]", "{}", "{ a = 1 }", '"2025Q5"', '"nope"', "\"=cmd|' /C calc'!A0\"", '"' + "x" * 5000 + '"', "[[",
    '"unterminated', "'" * 3, '"d0dc20c8"', '"Q1 2025"', "2025-01-01T10:00:00",
]  # fmt: skip
TOML_LINES = ["[milestones]", "[[milestones]]", 'title = "A milestone"', 'due = "2025Q2"', 'id = "not-a-uuid"',
              'area = "moon"', "= value", "key = ", 'status = "done"', "[[milestones.slips]]", "extra = 1"]  # fmt: skip


@st.composite
def toml_files(draw, base: str) -> bytes:
    """A work plan's TOML, edited by hand: lines dropped, doubled or added, values changed, the end cut."""
    lines = base.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["drop", "value", "value", "insert", "truncate", "double"]))
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        if operation == "drop" and lines:
            del lines[at]
        elif operation == "value" and lines and "=" in lines[at]:
            lines[at] = lines[at].split("=", 1)[0] + "= " + draw(st.sampled_from(TOML_VALUES))
        elif operation == "insert":
            lines.insert(at, draw(st.one_of(st.sampled_from(TOML_LINES), SAFE_TEXT)))
        elif operation == "truncate":
            lines = lines[:at]
        elif operation == "double" and lines:
            lines.insert(at, lines[at])
    data = "\n".join(lines).encode("utf-8")
    return data + "é".encode("latin-1") if draw(st.integers(0, 9)) == 0 else data


def test_any_work_plan_toml_gives_a_documented_exit_and_all_or_nothing(workspace, identity, monkeypatch):
    folder, db = workspace
    monkeypatch.chdir(folder)
    plans = json.loads(invoke(["workplan", "list", "--json"], db).output)
    exported = invoke(["workplan", "export", plans[0]["id"]], db)
    assert exported.exit_code == 0, exported.output
    path = folder / "plan.toml"

    @settings(FUZZ_SETTINGS, max_examples=CSV_CASES)
    @given(data=toml_files(exported.output))
    def case(data):
        path.write_bytes(data)
        before = logical_dump(db)
        result = invoke(["workplan", "import", str(path)], db)
        check(result, db, before, f"ccm workplan import with {data[:300]!r}")

    case()


def test_at_least_a_thousand_cases_run():
    assert PER_COMMAND * len(COMMANDS) + 4 * CSV_CASES >= 1_000
    assert len(COMMANDS) >= 20  # every command of the CLI, found from the app itself
