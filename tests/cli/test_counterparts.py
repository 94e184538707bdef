"""Counterparts: organisations matched as states are, people at a state or an organisation, and
the people and organisations met, shown in a state's history and kept out of redacted outputs."""

from __future__ import annotations

import json

import pytest


def test_organisations_are_found_by_code_name_or_alias_and_a_typo_gets_a_suggestion(reading):
    assert json.loads(reading("org", "show", "red cross", "--json").stdout)["code"] == "ICRC"
    assert json.loads(reading("org", "show", "implementation support unit", "--json").stdout)["code"] == "ISU"
    assert json.loads(reading("org", "show", "handicap international", "--json").stdout)["code"] == "HI"
    typo = reading("org", "show", "ICCR")
    assert typo.exit_code == 1 and "did you mean ICRC?" in typo.stderr
    listed = json.loads(reading("org", "list", "--helps", "legal drafting", "--json").stdout)
    assert {o["code"] for o in listed} >= {"ICRC", "ISU"} and all("legal-drafting" in o["helps"] for o in listed)
    assert all(o["source"] for o in json.loads(reading("org", "list", "--json").stdout))


def test_the_sample_people_are_illustrative_and_belong_to_one_employer(reading):
    people = json.loads(reading("person", "list", "--json").stdout)
    assert people and all(p["illustrative"] and "Illustrative" in p["notes"] for p in people)
    assert all((p["iso3"] is None) != (p["organisation"] is None) for p in people)
    redacted = reading("person", "list", "--redact", "--json").stdout
    assert all(p["name"] not in redacted and (not p["email"] or p["email"] not in redacted) for p in people)


@pytest.mark.parametrize(
    "args, phrase",
    [
        (["person", "add", "Zoe Park", "--state", "KEN", "--org", "ICRC"], "not both"),
        (["person", "add", "Zoe Park", "--org", "ICCR"], "did you mean ICRC?"),
        (["person", "add", "Zoe Park", "--state", "KEN", "--email", "zoe-at-example"], "not an e-mail"),
        (["person", "add", "Zoe Park", "--org", "ICRC", "--where", "geneva"], "a state's people"),
        (["person", "add", "Y" * 150, "--state", "KEN"], "at most 100"),
        (["log", "call", "KEN", "-m", "Call", "--by", "ICCR"], "did you mean ICRC"),
        (["log", "call", "KEN", "-m", "Call", "--with", "Ana Kosta"], "did you mean Ana Costa?"),
        (["log", "call", "KEN", "-m", "Call", "--by", "Sam Okello"], "write --by ISU --with 'Sam Okello'"),
        (["org", "add", "ICRC", "--name", "Another"], "already the organisation ICRC"),
        (["org", "add", "APOPO", "--name", "APOPO", "--helps", "mine sniffing"], "unknown kind of help"),
    ],
)
def test_bad_counterparts_are_refused_and_nothing_is_written(ccm, args, phrase):
    before = ccm.dump()
    result = ccm(*args, "-a", "univ") if args[0] == "log" else ccm(*args)
    assert result.exit_code == 1, result.output
    assert phrase in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert ccm.dump() == before


def test_people_met_show_in_the_history_and_never_in_its_redacted_form(ccm):
    added = ccm("person", "add", "Zoe Park", "--state", "Kenya", "--where", "geneva", "--role", "Counsellor",
                "--email", "zoe.park@example.org")  # fmt: skip
    assert added.exit_code == 0, added.output
    logged = ccm("log", "meeting", "KEN", "-m", "Bilateral on accession", "-a", "univ", "--date", "2025-03-01",
                 "--by", "Implementation Support Unit", "--with", "zoe park", "--with", "Red Cross")  # fmt: skip
    assert logged.exit_code == 0, logged.output
    shown = json.loads(ccm("show", logged.stdout.split()[3], "--json").stdout)
    assert shown["by"] == ["ISU"] and sorted(shown["with"]) == ["ICRC", "Zoe Park"]
    history = [e["what"] for e in json.loads(ccm("history", "KEN", "--json").stdout)]
    assert any("(with Zoe Park, ICRC)" in what or "(with ICRC, Zoe Park)" in what for what in history)
    assert "Met: Zoe Park (KEN), last 2025-03-01" in history and "Met: ICRC, last 2025-03-01" in history
    assert any(what.startswith("Works for Kenya: Zoe Park (Counsellor, Geneva mission") for what in history)
    redacted = ccm("history", "KEN", "--redact", "--json").stdout
    assert "Zoe" not in redacted and "zoe.park" not in redacted and "Met: ICRC" in redacted
    met = json.loads(ccm("person", "show", "Zoe Park", "--json").stdout)["met"]
    assert [m["summary"] for m in met] == ["Bilateral on accession"]
    # Corrected: whom it met replaced; then undone.
    engagement = logged.stdout.split()[3]
    assert ccm("edit", engagement, "--with", "UNDP", "--with", "zoe park").exit_code == 0
    assert sorted(json.loads(ccm("show", engagement, "--json").stdout)["with"]) == ["UNDP", "Zoe Park"]
    refused = ccm("edit", engagement, "--with", "Nobody Known")
    assert refused.exit_code == 1 and "unknown person or organisation" in refused.stderr
    assert ccm("undo").exit_code == 0
    assert sorted(json.loads(ccm("show", engagement, "--json").stdout)["with"]) == ["ICRC", "Zoe Park"]


def test_a_deleted_person_comes_back_with_undo_and_an_edit_moves_them(ccm):
    ccm("log", "call", "KEN", "-m", "Call", "-a", "univ", "--with", "Kwame Mensah")
    deleted = ccm("person", "delete", "Kwame Mensah")
    assert deleted.exit_code == 0 and "1 engagement" in deleted.stdout
    assert ccm("person", "show", "Kwame Mensah").exit_code == 1
    assert ccm("undo").exit_code == 0
    assert json.loads(ccm("person", "show", "Kwame Mensah", "--json").stdout)["met"]
    moved = ccm("person", "edit", "Kwame Mensah", "--org", "ICBL-CMC")
    assert moved.exit_code == 0, moved.output
    person = json.loads(ccm("person", "show", "kwame mensah", "--json").stdout)
    assert (person["iso3"], person["organisation"], person["where"]) == (None, "ICBL-CMC", None)
    added = ccm("org", "add", "APOPO", "--name", "Anti-Persoonsmijnen Ontmijnende Product Ontwikkeling",
                "--kind", "operator", "--helps", "clearance", "--source", "https://www.apopo.org/")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert ccm("log", "call", "KEN", "-m", "Call", "-a", "univ", "--by", "apopo").exit_code == 0
