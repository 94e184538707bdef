"""Every `ccm …` example in README.md and docs/ runs, on a copy of sample.db, without an error.

Each example line of a code block (`ccm …` or `$ ccm …`, with its `\\` continuations) runs on its
own copy of the sample. Record ids are the sample's own (a placeholder such as 1a2b3c4d is filled
from the sample); the files an example names are made in a folder of its own; a team server's URL
is replaced by a second file. What an example cannot run is skipped, with the reason.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import REFERENCE, ROOT, SAMPLE

# Every example of the docs, run: .ci/run runs them with the slow suites (`pytest -m slow`).
pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

# Ids the docs show, and what they stand for: kept when the sample has them, else taken from it.
IDS = {
    "609c": "campaigns",
    "609c4e26": "campaigns",
    "6407f7c8": "campaigns",
    "480d530f": "engagements",
    "1a2b3c4d": "engagements",
    "6f591ea5": "milestones",
    "969d758f": "milestones",
    "9c375ece": "milestones",
    "580eb712": "milestones",
    "d0dc20c8": "work_plans",
    "fb85aea5": "replies",
    "b5405409": "classifications",
    "24c749de": "retention",
    "ec6ac8ba": "practices",
    "e509441f": "meetings",
    "7c01e2aa": "conflicts",
    "f6cb7528": "coalitions",
    "fd05cdff": "coalition_needs",
    "db353994": "coalition_activities",
}
ATTACHMENT = "9b1e77c2"  # the docs' attachment: made by NEEDS, as the sample has none
ID_SHAPE = re.compile(r"(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{4,8}")

# Examples of the errors of a file the page does not show.
FAULTY_FILES = {"ccm workplan import plan.toml"}

# What an example cannot do here.
SKIP = {
    ("tui",): "opens the full-screen app; tests/tui drive it",
    ("team", "init"): "sets a PostgreSQL server's roles up as its superuser; tests/server/test_roles.py runs it",
    ("team", "add-member"): "grants a PostgreSQL server's role; tests/server/test_roles.py runs it",
    ("conflicts", "keep"): "needs a conflict, which the sample does not hold; tests/cli/test_conflicts.py settles one",
}


# Commands that need an earlier one: it is run first.
NEEDS = {
    "undo": ["log", "call", "KEN", "-m", "A call to revert", "-a", "universalization"],
    # A report's forms belong to a report already recorded.
    # A file attached first: the docs' attachment id stands for it.
    "attachment": ["attach", "480d530f", "signed-letter.pdf"],
    # A bilateral meeting with Laos at the 13MSP, for the examples that move, cancel or record one.
    "margins": [
        "margins",
        "add",
        "13MSP",
        "--with",
        "LAO",
        "--day",
        "2025-09-17",
        "--slot",
        "10:00-10:30",
        "--room",
        "Room XXIII",
    ],
    "article7": [
        "transparency",
        "add",
        "LAO",
        "--year",
        "2013",
        "--submitted",
        "2014-04-30",
        "--source",
        "Art. 7 report",
    ],
}


def _examples():
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").splitlines()
        in_block = False
        number = 0
        # `ccm config set name|state|area` earlier on the page: the reader has run them.
        configured: list[str] = []
        earlier: list[str] = []
        while number < len(lines):
            line = lines[number]
            number += 1
            if line.lstrip().startswith("```"):
                in_block = not in_block
                continue
            text = line.strip().removeprefix("$ ")
            if not in_block or not (text == "ccm" or text.startswith("ccm ")):
                continue
            first = number
            while text.endswith("\\") and number < len(lines):
                text = text[:-1] + " " + lines[number].strip()
                number += 1
            # An example of an error shows it on the next line: it runs after the page's examples before it.
            shown_error = lines[number] if number < len(lines) and lines[number].startswith("Error:") else None
            before = tuple(earlier) if shown_error else tuple(configured)
            yield pytest.param(text, shown_error, before, id=f"{page.relative_to(ROOT)}:{first}")
            if re.match(r"ccm config set (name|state|area) ", text):
                configured.append(text)
            earlier.append(text)


EXAMPLES = list(_examples())


def _commands(text: str) -> list[list[str]]:
    """The line as the shell would split it: comments dropped, `;` between commands."""
    lexer = shlex.shlex(text, posix=True, punctuation_chars=";")
    lexer.whitespace_split = True
    commands: list[list[str]] = [[]]
    for token in lexer:
        if token == ";":
            commands.append([])
        else:
            commands[-1].append(token)
    return [c for c in commands if c]


def _synopsis(words: list[str]) -> bool:
    """A usage line (`ccm summary clearance [--as-of DATE|MEETING]`), not an example."""
    return any(w.startswith("[") or w in ("DATE", "MEETING", "FILE", "URL") for w in words[1:])


def _sample_id(kind: str, shown: str) -> str:
    connection = sqlite3.connect(f"file:{SAMPLE}?mode=ro&immutable=1", uri=True)
    try:
        found = connection.execute(
            f"SELECT uuid FROM {kind} WHERE uuid LIKE ? ORDER BY uuid", (f"{shown}%",)
        ).fetchone()
        if found is None:
            found = connection.execute(f"SELECT uuid FROM {kind} ORDER BY created_at, uuid").fetchone()
        return found[0][: len(shown)] if found[0].startswith(shown) else found[0][:8]
    finally:
        connection.close()


def _attached(db: Path) -> str:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT uuid FROM attachments ORDER BY created_at DESC").fetchone()[0][:8]
    finally:
        connection.close()


def _unanswered_target(campaign: str) -> str:
    connection = sqlite3.connect(f"file:{SAMPLE}?mode=ro&immutable=1", uri=True)
    try:
        return connection.execute(
            "SELECT r.iso3 FROM replies r JOIN campaigns c ON c.engagement_uuid = r.engagement_uuid "
            "WHERE c.uuid LIKE ? ORDER BY r.status = 'replied', r.iso3",
            (f"{campaign}%",),
        ).fetchone()[0]
    finally:
        connection.close()


def _files(folder: Path, runner, db: Path, named: str) -> None:
    """The files the examples name (`named`: their text), made as a coordinator would have them."""
    from ccmtui.cli import app

    (folder / "home" / "Downloads").mkdir(parents=True)
    if "signed-letter.pdf" in named or "attachment " in named:
        (folder / "signed-letter.pdf").write_bytes(b"%PDF-1.4\n% a signed letter\n%%EOF\n")
    if "strategy.pdf" in named:
        (folder / "strategy.pdf").write_bytes(b"%PDF-1.4\n% a national strategy\n%%EOF\n")
    if "states.csv" in named:
        shutil.copy(REFERENCE / "states.csv", folder / "states.csv")
    if "engagements.csv" in named:
        (folder / "engagements.csv").write_text(
            "date,kind,states,area,summary\n2024-01-10,meeting,KEN;UGA,universalization,Met both ambassadors\n",
            encoding="utf-8",
        )
    if "replies.csv" in named:
        campaign = _sample_id("campaigns", "609c")
        (folder / "replies.csv").write_text(
            f"engagement,state,date,stance\n{campaign},{_unanswered_target(campaign)},2014-01-15,positive\n",
            encoding="utf-8",
        )
    if "votes.csv" in named:
        (folder / "votes.csv").write_text(
            "ms_code,ms_name,ms_vote,date,resolution,title\n"
            "THA,THAILAND,Y,2016-12-05,A/RES/71/45,Implementation of the Convention on Cluster Munitions\n",
            encoding="utf-8",
        )
    if "forms.csv" in named:
        (folder / "forms.csv").write_text(
            "iso3,kind,year,form,status,last_reported,source\nLAO,annual,2013,A,changed,,Art. 7 report 2014\n",
            encoding="utf-8",
        )
    if "merge dossier.ccm" in named:  # the outgoing coordinator's dossier
        made = runner.invoke(
            app, ["--db", str(db), "handover", "--area", "universalization", "-o", str(folder / "dossier.ccm")]
        )
        assert made.exit_code == 0, made.output
    if "plan.toml" in named:
        exported = runner.invoke(
            app, ["--db", str(db), "workplan", "export", "stockpile", "-o", str(folder / "plan.toml")]
        )
        assert exported.exit_code == 0, exported.output
    # A colleague's file and the team's database: copies of the sample with a record of their own.
    for name, path in (
        ("colleague.db", folder / "colleague.db"),
        ("kwame-ccm.db", folder / "home" / "Downloads" / "kwame-ccm.db"),
        ("postgresql", folder / "team.db"),
    ):
        if name in named:
            shutil.copy(SAMPLE, path)
            logged = runner.invoke(
                app, ["--db", str(path), "log", "call", "UGA", "-m", f"Logged in {name}", "-a", "universalization"]
            )
            assert logged.exit_code == 0, logged.output


def _prepared(words: list[str], folder: Path, db: Path) -> list[str]:
    args = []
    for word in words[1:]:
        if word.startswith("postgresql"):
            word = str(folder / "team.db")  # no server here: a second file takes its place
        elif word.startswith("~/"):
            word = str(folder / "home" / word[2:])
        elif word in IDS:
            word = _sample_id(IDS[word], word)
        args.append(word)
    if "--db" in args:
        at = args.index("--db") + 1
        if args[at] == "sample.db":
            args[at] = str(db)
    elif words[1:2] != ["config"] or "db" not in words:
        args = ["--db", str(db), *args]
    return args


def test_every_example_is_found_and_its_ids_are_known():
    assert len(EXAMPLES) > 100
    texts = [p.values[0] for p in EXAMPLES]
    for text in texts:
        for command in _commands(text):
            unknown = [w for w in command if ID_SHAPE.fullmatch(w) and w not in IDS and w != ATTACHMENT]
            assert not unknown, f"{text}: add {unknown} to IDS (what kind of record it stands for)"


@pytest.mark.parametrize(("text", "shown_error", "earlier"), EXAMPLES)
def test_the_example_runs(text, shown_error, earlier, tmp_path, monkeypatch):
    from ccmtui.cli import app

    commands = _commands(text)
    if any(_synopsis(words) for words in commands):
        pytest.skip("a usage synopsis, not an example")
    for words in commands:
        for key, reason in SKIP.items():
            if tuple(w for w in words[1:] if not w.startswith("-") and w != "sample.db")[: len(key)] == key:
                pytest.skip(reason)
    if shown_error and text in FAULTY_FILES:
        pytest.skip("shows the errors of a faulty file, which is not shown")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    db = tmp_path / "sample.db"
    shutil.copy(SAMPLE, db)
    runner = CliRunner()
    _files(tmp_path, runner, db, " ".join((*earlier, text)))
    for line in earlier:
        for words in _commands(line):
            if not _synopsis(words):
                runner.invoke(app, _prepared(words, tmp_path, db), input="y\n" * 5, prog_name="ccm")
    for words in commands:
        args = _prepared(words, tmp_path, db)
        if words[1:] and words[1] in NEEDS and not shown_error:
            first = runner.invoke(app, ["--db", str(db), *NEEDS[words[1]]], prog_name="ccm")
            assert first.exit_code == 0, first.output
            args = [_attached(db) if arg == ATTACHMENT else arg for arg in args]
        result = runner.invoke(app, args, input="y\n" * 5, prog_name="ccm")
        if shown_error:
            assert result.exit_code != 0, (
                f"ccm {shlex.join(args)} should fail as shown:\n{shown_error}\n{result.output}"
            )
            # The page may shorten a long title with "…".
            pattern = ".*".join(re.escape(part) for part in shown_error.split("…"))
            assert re.fullmatch(pattern, result.stderr.strip()), f"ccm {shlex.join(args)}\n{result.stderr}"
        else:
            assert result.exit_code == 0, f"ccm {shlex.join(args)}\n{result.output}"


TARGET_FORMS = sorted(
    {form for page in PAGES for form in re.findall(r"`(--to [^`]+)`", page.read_text(encoding="utf-8"))}
)


@pytest.mark.parametrize("form", TARGET_FORMS)
def test_every_target_form_the_docs_show_is_taken(form, tmp_path):
    """`--to region:Asia`, `--to "region:Western Africa"`… in the docs' tables, as `ccm campaign new` reads them."""
    from ccmtui.cli import app

    db = tmp_path / "sample.db"
    shutil.copy(SAMPLE, db)
    args = ["--db", str(db), "campaign", "new", "Letter", *shlex.split(form), "-a", "universalization", "--dry-run"]
    result = CliRunner().invoke(app, args, prog_name="ccm")
    assert result.exit_code == 0, f"{form}\n{result.output}"


def test_the_docs_show_the_target_forms():
    assert {"--to category:II", '--to "region:Western Africa"', "--to region:Caribbean"} <= set(TARGET_FORMS)
