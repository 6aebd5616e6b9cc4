#!/usr/bin/env bash
# Prints one Markdown table summarising Criterion's saved results, for pasting
# into docs or a pull request. Run `cargo bench` first.
#
# Usage: scripts/bench-summary.sh [CRITERION_DIR]
#   CRITERION_DIR defaults to target/criterion in the repository root.
#
# Columns: benchmark, size (the benchmark's parameter), mean time, the
# half-width of the mean's 95% confidence interval, and the mean divided by
# the size when the size is a number (time per question).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/target/criterion}"

python3 - "$dir" <<'PY'
import json, math, sys
from pathlib import Path

top = Path(sys.argv[1])
# Criterion keeps each benchmark's latest run in <group>[/<function>][/<value>]/new/.
found = sorted(top.glob("**/new/benchmark.json")) if top.is_dir() else []

def fmt(ns):
    """Nanoseconds as three significant figures in the largest fitting unit."""
    if ns <= 0:
        return "0 ns"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3), ("ns", 1)):
        value = float(f"{ns / scale:.3g}")
        if value >= 1 or unit == "ns":
            decimals = max(0, 2 - math.floor(math.log10(value)))
            return f"{value:.{decimals}f} {unit}"

def number(text):
    try:
        value = float(text)
        return value if math.isfinite(value) and value > 0 else None
    except (TypeError, ValueError):
        return None

rows = []
for bench_file in found:
    estimates_file = bench_file.with_name("estimates.json")
    if not estimates_file.is_file():
        continue
    bench = json.loads(bench_file.read_text())
    mean = json.loads(estimates_file.read_text())["mean"]
    name = bench["group_id"] + (f"/{bench['function_id']}" if bench.get("function_id") else "")
    size = bench.get("value_str") or ""
    interval = mean["confidence_interval"]
    half = (interval["upper_bound"] - interval["lower_bound"]) / 2
    per = number(size)
    rows.append((name, per if per is not None else math.inf, size,
                 fmt(mean["point_estimate"]), fmt(half),
                 fmt(mean["point_estimate"] / per) if per else ""))

if not rows:
    print(f"No Criterion results in {top}: run `cargo bench` first.", file=sys.stderr)
    sys.exit(1)

print("| Benchmark | Size | Time (mean) | ±95% | Per question |")
print("|---|---:|---:|---:|---:|")
for name, _, size, mean, half, per in sorted(rows):
    print(f"| {name} | {size} | {mean} | ±{half} | {per} |")
PY
