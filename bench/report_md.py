"""Markdown tables from bench/run.py's JSON files, for docs/PERFORMANCE.md.

python bench/report_md.py big.json                       # one table: median/min/max/RSS
python bench/report_md.py --growth 1k.json 10k.json 100k.json   # medians side by side
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def _verdict(row: dict) -> str:
    return {True: "pass", False: "**miss**", None: ""}[row["pass"]]


def one(path: Path) -> str:
    data = json.loads(path.read_text("utf-8"))
    lines = [
        f"KDF {data['kdf_ms']} ms; {data['runs']} runs; vault {data['vault_mb']} MB",
        "",
        "| operation | median ms | min | max | peak RSS MB | target | result | note |",
        "|---|--:|--:|--:|--:|---|---|---|",
    ]
    for r in data["rows"]:
        ratio = f" (ratio {r['ratio']})" if r["ratio"] is not None and r["ratio"] < 50 else ""
        lines.append(
            f"| {r['name']} | {r['median_ms']} | {r['min_ms']} | {r['max_ms']} |"
            f" {r['peak_rss_mb']} | {r['target']} | {_verdict(r)}{ratio} | {r['note']} |"
        )
    return "\n".join(lines)


def growth(paths: list[Path]) -> str:
    runs = [json.loads(p.read_text("utf-8")) for p in paths]
    heads = [f"{p.stem}" for p in paths]
    lines = [
        "| operation | " + " | ".join(f"{h} ms" for h in heads) + " | target |",
        "|---|" + "--:|" * len(heads) + "---|",
    ]
    for row in runs[-1]["rows"]:
        cells = []
        for data in runs:
            match = next((r for r in data["rows"] if r["name"] == row["name"]), None)
            cells.append(str(match["median_ms"]) if match else "—")
        lines.append(f"| {row['name']} | " + " | ".join(cells) + f" | {row['target']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json", type=Path, nargs="+")
    parser.add_argument("--growth", action="store_true")
    args = parser.parse_args()
    print(growth(args.json) if args.growth else one(args.json[0]))


if __name__ == "__main__":
    main()
