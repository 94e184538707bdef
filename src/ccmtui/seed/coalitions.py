"""The sample's country coalition: the Lao PDR case of the 2017 country-coalitions paper
(sample_data/coalition-lao-pdr-2017.toml), written through a Writer as `ccm coalition` writes it."""

from __future__ import annotations

import tomllib
from datetime import datetime
from importlib import resources

from ccmtui.db.ids import stable_uuid

COALITION_FILE = "coalition-lao-pdr-2017.toml"
COALITION_STAMP = datetime(2017, 7, 6)  # the paper's date


def _source(data: dict, text: str) -> str:
    return text.replace("paper,", f"{data['paper']},", 1) if text.startswith("paper,") else text


def add_coalitions(session, database) -> int:
    """The Lao PDR coalition with its members, needs, activity and seminar."""
    from ccmtui.db.read import AlchemyReader
    from ccmtui.db.write import Writer
    from ccmtui.db.write_alchemy import AlchemyBackend

    data = tomllib.loads(resources.files("ccmtui.seed.sample_data").joinpath(COALITION_FILE).read_text("utf-8"))
    backend = AlchemyBackend(session.connection(), AlchemyReader(database))
    writer = Writer(backend, by="7MSP Presidency", command="sample build", stamp=COALITION_STAMP, logged=False)
    spec = data["coalition"]
    key = f"coalition-{spec['state']}-2017"
    coalition = writer.insert(
        "coalitions",
        {
            "uuid": stable_uuid("coalition", key),
            "iso3": spec["state"],
            "name": spec["name"],
            "strategy": spec["strategy"],
            "strategy_dated": spec["strategy_dated"],
            "notes": spec["notes"],
            "source": f"{_source(data, spec['source'])}; strategy: {spec['strategy_source']}",
            "illustrative": spec["illustrative"],
            "recorded_by": writer.by,
        },
    )
    parts = {"members": "coalition_members", "needs": "coalition_needs", "activities": "coalition_activities"}
    for name, table in parts.items():
        for n, item in enumerate(data[name]):
            row = {k: v for k, v in item.items() if k not in ("state",)}
            if "state" in item:
                row["iso3"] = item["state"]
            row["source"] = _source(data, item["source"])
            row["uuid"] = stable_uuid(table, key, n)
            row["coalition_uuid"] = coalition["uuid"]
            writer.insert(table, row)
    for item in data.get("engagements", []):
        # Each row's id derives from the seminar, so a rebuild gives the same file.
        event = writer.insert(
            "engagements",
            {
                "uuid": stable_uuid("engagement", item["key"]),
                "occurred_on": item["occurred_on"],
                "kind": item["kind"],
                "area": item["area"],
                "channel": item["channel"],
                "summary": item["summary"],
                "notes": item["notes"],
                "action_points": "",
                "follow_up_on": None,
                "recorded_by": writer.by,
                "illustrative": item["illustrative"],
            },
        )
        for iso3 in item["states"]:
            writer.insert(
                "engagement_states",
                {"uuid": stable_uuid("engagement-state", item["key"], iso3), "engagement_uuid": event["uuid"],
                 "iso3": iso3},
            )  # fmt: skip
        for actor in item["by"]:
            writer.insert(
                "engagement_actors",
                {"uuid": stable_uuid("engagement-actor", item["key"], actor), "engagement_uuid": event["uuid"],
                 "actor": actor},
            )  # fmt: skip
        writer.insert(
            "coalition_engagements",
            {"uuid": stable_uuid("coalition-engagement", key, item["key"]), "coalition_uuid": coalition["uuid"],
             "engagement_uuid": event["uuid"]},
        )  # fmt: skip
    return 1
