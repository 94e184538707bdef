"""`ccm search` on either backend: the start of a word, in any case, finds what the whole word finds."""

from __future__ import annotations


def test_the_start_of_a_word_in_any_case_finds_the_same_matches_in_the_same_order(ccm):
    whole = ccm("search", "conference")
    assert whole.exit_code == 0, whole.output
    lines = whole.stdout.splitlines()
    assert lines[0] == "2 matches"
    assert sorted(line.split()[1] for line in lines[1:] if not line.startswith(" ")) == ["480d530f", "ab0c33f6"]
    for text in ("confer", "CONFERENCE", "Conf"):
        assert ccm("search", text).stdout == whole.stdout
    assert ccm("search", "conferences").stdout.splitlines() == ["0 matches"]
