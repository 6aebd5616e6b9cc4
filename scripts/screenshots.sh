#!/usr/bin/env bash
# Runs the GUI under Xvfb and saves screenshots into docs/: the start screen,
# a walkthrough step, the public interest test builder and the review step.
# Needs: xvfb, imagemagick (import), xdotool; Mesa's software OpenGL.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/foi-drafter
out=docs
mkdir -p "$out"
display=:93
work=$(mktemp -d)
trap 'kill $app_pid $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT

Xvfb $display -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY=$display XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data HOME=$work
mkdir -p "$work/config/foidrafter"
cp assets/samples/authority.ron "$work/config/foidrafter/authority.ron"
cp assets/samples/ai-in-policing.case.ron "$work/sample.case.ron"
cp tests/fixtures/cases/needs-work.case.ron "$work/needs-work.case.ron"
# A recent file, so the app starts on the start screen rather than the sample.
printf '(recent: ["%s", "%s"])\n' "$work/sample.case.ron" "$work/needs-work.case.ron" \
    > "$work/config/foidrafter/settings.ron"

shot() { sleep "${2:-1.5}"; import -window root "$out/$1.png"; echo "wrote $out/$1.png"; }
key() { xdotool key --clearmodifiers "$@"; sleep 0.6; }
start_app() {
    "$bin" "$@" >/dev/null 2>&1 &
    app_pid=$!
    sleep 4
    xdotool search --sync --name foi-drafter windowactivate >/dev/null 2>&1 || true
}

start_app
shot screenshot-start
kill $app_pid; wait $app_pid 2>/dev/null || true

start_app "$work/sample.case.ron"
shot screenshot-intake 0.5
key alt+Right; key alt+Right; key alt+Right; key alt+Right
shot screenshot-walkthrough
key alt+Right
xdotool mousemove 480 600
for _ in 1 2 3 4 5 6; do xdotool click 5; sleep 0.2; done
shot screenshot-pit-builder
kill $app_pid; wait $app_pid 2>/dev/null || true

start_app "$work/needs-work.case.ron"
key ctrl+r
shot screenshot-review
