#!/usr/bin/env bash
# Measures the GUI's CPU use while idle: starts the release binary under Xvfb
# on the bundled sample case, lets it settle, then counts the CPU time it uses
# over the next ten seconds (from /proc, so Linux only).
# Needs: xvfb; Mesa's software OpenGL (libgl1-mesa-dri).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
work=$(mktemp -d)
display=:94
Xvfb $display -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $app_pid $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
DISPLAY=$display XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data HOME=$work \
    target/release/foi-drafter >/dev/null 2>&1 &
app_pid=$!
sleep 6
ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
sleep 10
after=$(ticks)
used=$((after - before))
awk -v t="$used" -v hz="$hz" 'BEGIN { printf "idle CPU over 10 s: %d ticks = %.2f%% of one core\n", t, 100 * t / hz / 10 }'
