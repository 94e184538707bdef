"""Files in the layout of the UN Digital Library's voting-data export, for the tests of `ccm votes`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

HEADER = (
    "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,"
    "agenda_title,subjects,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link"
).split(",")
TITLE = "Implementation of the Convention on Cluster Munitions : resolution / adopted by the General Assembly"
# The symbols and days of the shipped record (A/RES/72/54 recalls the first two).
RESOLUTIONS = {
    2015: ("A/RES/70/54", "2015-12-07"),
    2016: ("A/RES/71/45", "2016-12-05"),
    2017: ("A/RES/72/54", "2017-12-04"),
}


def export(votes: list[tuple[str, str, int]], *, other: int = 0, title: str = TITLE) -> str:
    """CSV text: a row per (ms_code, ms_vote, year), and `other` rows on another resolution."""
    out = io.StringIO()
    writer = csv.DictWriter(out, HEADER, lineterminator="\n")
    writer.writeheader()
    for number, (code, vote, year) in enumerate(votes, 1):
        symbol, day = RESOLUTIONS[year]
        writer.writerow(
            {
                "undl_id": str(number),
                "ms_code": code,
                "ms_name": code,
                "ms_vote": vote,
                "date": day,
                "session": str(year - 1945),
                "resolution": symbol,
                "title": title,
                "undl_link": f"https://digitallibrary.un.org/record/{1000 + year}",
            }
        )
    for number in range(other):
        writer.writerow({"undl_id": str(9000 + number), "ms_code": "THA", "ms_vote": "Y", "date": "2016-12-05",
                         "resolution": "A/RES/71/1", "title": "Another resolution"})  # fmt: skip
    return out.getvalue()


def write(path: Path, votes: list[tuple[str, str, int]], **options) -> Path:
    path.write_text(export(votes, **options), encoding="utf-8")
    return path
