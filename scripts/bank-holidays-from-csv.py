#!/usr/bin/env python3
"""Builds assets/calendars/bank-holidays.json (the GOV.UK bank-holidays.json
shape) from a CSV of date,region,name,sources rows.

Usage: scripts/bank-holidays-from-csv.py tests/fixtures/uk-bank-holidays-2014-2031.csv
"""
import csv
import json
import sys
from pathlib import Path

DIVISIONS = ["england-and-wales", "scotland", "northern-ireland"]


def main(source: str) -> None:
    events = {d: [] for d in DIVISIONS}
    with open(source, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            events[row["region"]].append(
                {"title": row["name"], "date": row["date"], "notes": "", "bunting": True}
            )
    out = {
        d: {"division": d, "events": sorted(events[d], key=lambda e: e["date"])}
        for d in DIVISIONS
    }
    target = Path(__file__).resolve().parent.parent / "assets/calendars/bank-holidays.json"
    target.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {target} ({sum(len(v) for v in events.values())} events)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/uk-bank-holidays-2014-2031.csv")
