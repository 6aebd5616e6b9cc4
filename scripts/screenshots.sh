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

# Capture just the app's window.
shot() {
    sleep "${2:-1.5}"
    local window
    window=$(xdotool search --name '^foi-drafter$' | head -n 1)
    import -window "${window:-root}" "$out/$1.png"
    echo "wrote $out/$1.png"
}
key() { xdotool key --clearmodifiers "$@"; sleep 0.6; }
start_app() {
    "$bin" "$@" >/dev/null 2>&1 &
    app_pid=$!
    sleep 4
    # With no window manager, give the window the keyboard focus explicitly.
    xdotool windowfocus --sync "$(xdotool search --name '^foi-drafter$' | head -n 1)"
    xdotool mousemove 640 300
}

start_app
shot screenshot-start
kill $app_pid; wait $app_pid 2>/dev/null || true

start_app "$work/sample.case.ron"
shot screenshot-intake 0.5
# Question 4: withheld under section 43(2); scroll down to its public interest test.
key alt+Right; key alt+Right; key alt+Right; key alt+Right
xdotool mousemove 500 500
for _ in $(seq 1 12); do xdotool click 5; sleep 0.15; done
shot screenshot-pit-builder
# Question 5: neither confirm nor deny, with what the requester learns.
key alt+Right
shot screenshot-walkthrough
kill $app_pid; wait $app_pid 2>/dev/null || true

start_app "$work/needs-work.case.ron"
key ctrl+r
shot screenshot-review
