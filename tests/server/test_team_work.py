"""Two coordinators with offline files and a reader, on a team server set up with `ccm team init`."""

from __future__ import annotations

import json
import shutil

from ccmtui.db.write import writing

from ..conftest import CCM, SAMPLE
from .conftest import as_login
from .test_roles import team  # noqa: F401  (the fixture)


def _laptop(tmp_path, name: str) -> CCM:
    path = tmp_path / f"{name}.db"
    shutil.copy(SAMPLE, path)
    return CCM(path)


def test_offline_files_sync_through_the_server_and_a_conflict_is_settled(team, tmp_path):  # noqa: F811
    init = CCM(None)(
        "team", "init", team["url"], "--member", team["ana"], "--member", team["kwame"],
        "--reader", team["isu"], "--group", team["group"],
    )  # fmt: skip
    assert init.exit_code == 0, init.output
    ana_url, kwame_url = as_login(team["url"], team["ana"]), as_login(team["url"], team["kwame"])
    ana, kwame = _laptop(tmp_path, "ana"), _laptop(tmp_path, "kwame")
    ana("config", "set", "name", "Coordinator")
    ana("log", "call", "KEN", "-m", "Shared call", "-a", "univ", "--date", "2024-01-01")
    for laptop, url in ((ana, ana_url), (kwame, kwame_url), (ana, ana_url)):
        synced = laptop("sync", url)
        assert synced.exit_code == 0, synced.output
    [engagement] = [e["id"] for e in json.loads(kwame("engagements", "--json", "--since", "2024-01-01").stdout)]
    with writing(str(kwame.db), by="Kwame", command="edit") as writer:
        writer.update("engagements", engagement, {"summary": "Kwame's wording"})
    assert kwame("sync", kwame_url).exit_code == 0
    with writing(str(ana.db), by="Ana", command="edit") as writer:
        writer.update("engagements", engagement, {"summary": "Ana's wording"})
    synced = json.loads(ana("sync", ana_url, "--json").stdout)
    [conflict] = synced["conflicts"]
    assert conflict["kept"] == "here"  # Ana's edit is the later
    # The reader sees the conflict on the server, with who made each version.
    [seen] = json.loads(CCM(as_login(team["url"], team["isu"]))("conflicts", "--json").stdout)
    assert seen["id"] == conflict["id"] and seen["mine"] == "b"
    assert seen["b"]["login"] == team["kwame"] and seen["a"]["by"] == "Ana"
    # Ana settles it for Kwame's wording, on her file; the next syncs carry it everywhere.
    kept = ana("conflicts", "keep", conflict["id"][:8], "theirs")
    assert kept.exit_code == 0, kept.output
    assert ana("sync", ana_url).exit_code == 0
    assert kwame("sync", kwame_url).exit_code == 0
    for where in (ana, kwame, CCM(ana_url)):
        assert json.loads(where("show", engagement[:8], "--json").stdout)["summary"] == "Kwame's wording"
    assert all(c["settled"] for c in json.loads(CCM(kwame_url)("conflicts", "--json").stdout))
    assert ana("sync", ana_url).exit_code == 0  # brings Kwame's sync's log entry
    assert "nothing came in, nothing went out" in ana("sync", ana_url).stdout
