"""Frozen reports: figures kept with their rule, as-of date and states; explained; compared with the
data later, with the change set behind each change; and the bad names refused, nothing written."""

from __future__ import annotations

import csv

FREEZE = ("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30")


def _join_angola(ccm, tmp_path) -> None:
    """A correction to the register after the report went out: Angola's instrument, on record as deposited."""
    exported = tmp_path / "states.csv"
    assert ccm("states", "export", "-o", exported).exit_code == 0
    rows = list(csv.DictReader(exported.open(encoding="utf-8-sig")))
    for row in rows:
        if row["iso3"] == "AGO":
            row.update(deposited="2014-01-10", instrument="ratification", source="depositary notification")
    edited = tmp_path / "states-edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert ccm("states", "update", edited).exit_code == 0


def test_a_frozen_figure_is_explained_with_its_rule_and_states(ccm, tmp_path):
    result = ccm(*FREEZE, "--freeze", "5MSP", "-o", tmp_path / "sjpr.docx")
    assert result.exit_code == 0, result.output
    assert "froze 5MSP (as of 2014-06-30)" in result.stdout
    shown = ccm("report", "show", "5MSP", "--figure", "joined-since").stdout
    assert shown.startswith(
        "1 States that joined since the 4MSP as of 2014-06-30: instrument deposited after 2013-09-09"
    )
    assert "(Art. 16). Saint Kitts and Nevis." in shown
    parties = ccm("report", "show", "5MSP", "--figure", "states-parties").stdout
    assert "States Parties as of 2014-06-30: party or pending on that date" in parties and "(Art. 17)" in parties
    assert "5MSP  progress, as of 2014-06-30" in ccm("report", "list").stdout


def test_the_diff_names_each_changed_figure_and_the_change_set_behind_it(ccm, tmp_path):
    assert ccm(*FREEZE, "--freeze", "5MSP", "-o", tmp_path / "sjpr.md").exit_code == 0
    unchanged = ccm("report", "diff", "5MSP").stdout
    assert "No figure has changed" in unchanged
    _join_angola(ccm, tmp_path)
    corrigendum = ccm("report", "diff", "5MSP").stdout
    assert corrigendum.startswith("# Corrigendum to San José Progress Report")
    assert "## States Parties: 84 → 85" in corrigendum
    assert "## Signatories yet to ratify: 29 → 28" in corrigendum and "- No longer counted: Angola." in corrigendum
    assert (
        "- Why: Angola's record edited on " in corrigendum and "(states update from states-edited.csv)" in corrigendum
    )
    out = tmp_path / "corrigendum.md"
    assert ccm("report", "diff", "5MSP", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == corrigendum


def test_a_freeze_is_undone_like_any_write(ccm, tmp_path):
    assert ccm(*FREEZE, "--freeze", "5MSP", "-o", tmp_path / "sjpr.md").exit_code == 0
    assert ccm("undo").exit_code == 0
    assert "No frozen report yet" in ccm("report", "list").stdout


def test_bad_freezes_and_diffs_are_refused_with_one_line(ccm, tmp_path):
    assert ccm(*FREEZE, "--freeze", "5MSP", "-o", tmp_path / "a.md").exit_code == 0
    before = ccm.dump()
    for args, message in [
        ((*FREEZE, "--freeze", "5msp", "-o", tmp_path / "b.md"), "a frozen report named '5msp' exists"),
        ((*FREEZE, "--freeze", " ", "-o", tmp_path / "c.md"), "give the frozen report a name"),
        (("report", "diff", "6MSP"), "no frozen report named '6MSP'; frozen reports: 5MSP"),
        (("report", "show", "5MSP", "--figure", "nope"), "unknown figure 'nope'"),
        (("report", "diff", "5MSP", "-o", tmp_path / "missing" / "c.md"), "no folder"),
    ]:
        result = ccm(*args)
        assert result.exit_code == 1, (args, result.output)
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert ccm.dump() == before
    assert not (tmp_path / "b.md").exists() and not (tmp_path / "c.md").exists()


def test_the_quarterly_summary_is_frozen_too(ccm, tmp_path):
    result = ccm("export", "quarter", "2013Q1", "--freeze", "Q1-2013", "-o", tmp_path / "q.docx")
    assert result.exit_code == 0, result.output
    assert "froze Q1-2013 (as of 2013-03-31)" in result.stdout
    shown = ccm("report", "show", "Q1-2013", "--figure", "joined-since").stdout
    assert "States that joined since the start of Q1 2013 as of 2013-03-31" in shown
    assert "No figure has changed" in ccm("report", "diff", "Q1-2013").stdout


def _frozen_values(ccm, name: str) -> dict[str, int]:
    lines = ccm("report", "show", name).stdout.splitlines()[1:]
    return {line.split(":")[0].strip(): int(line.split(":")[1].split()[0]) for line in lines}


def test_every_section_of_the_progress_report_is_frozen_with_the_figures_it_prints(ccm, tmp_path):
    report = tmp_path / "sjpr.md"
    assert ccm(*FREEZE, "--freeze", "5MSP", "-o", report).exit_code == 0
    text = report.read_text(encoding="utf-8")
    values = _frozen_values(ccm, "5MSP")
    for prefix in ("signatories-", "non-signatories-", "demarche", "stockpile-", "clearance-", "retention",
                   "victims-", "cooperation-", "transparency-", "measures-"):  # fmt: skip
        assert any(key.startswith(prefix) for key in values), prefix
    # The figures are the report's: the same summaries write both.
    assert (values["signatories-i"], values["signatories-ii"], values["signatories-unassessed"]) == (14, 6, 9)
    assert "the coordinators assess 14 as Category I, 6 as Category II; 9 are not assessed" in text
    for article, key in ((3, "stockpile-current"), (4, "clearance-current")):
        assert f"There are thus {values[key]} States Parties" in text.split(f"obligations under Article {article}.")[0]
    explained = ccm("report", "show", "5MSP", "--figure", "clearance-current").stdout
    assert explained.startswith("12 States Parties with current Article 4 obligations as of 2014-06-30:")
    assert "Croatia" in explained and "Iraq" in explained


def test_the_diff_covers_categories_and_counts_with_the_change_set_behind_each(ccm, tmp_path):
    assert ccm(*FREEZE, "--freeze", "5MSP", "-o", tmp_path / "sjpr.md").exit_code == 0
    assert ccm("classify", "KEN", "II", "-r", "A cabinet decision first", "-d", "2014-03-01").exit_code == 0
    assert ccm("log", "demarche", "NPL", "-m", "Démarche in Kathmandu", "-a", "univ", "-d", "2014-02-10").exit_code == 0
    corrigendum = ccm("report", "diff", "5MSP").stdout
    assert "4 figures changed." in corrigendum
    assert "## Signatories yet to ratify, Category I: 14 → 13\n\n- No longer counted: Kenya." in corrigendum
    assert "## Signatories yet to ratify, Category II: 6 → 7\n\n- Now counted: Kenya." in corrigendum
    assert "- Why: Kenya's category added on " in corrigendum and "(classify Kenya as Category II)" in corrigendum
    assert "## Universalization démarches in the period: 0 → 1" in corrigendum
    assert "- Why: an engagement added on " in corrigendum and "Démarche in Kathmandu)." in corrigendum
    # Undone, the figures are again those circulated.
    assert ccm("undo").exit_code == 0 and ccm("undo").exit_code == 0
    assert "No figure has changed" in ccm("report", "diff", "5MSP").stdout
