#!/bin/bash
# The wizard measured as a person meets it: the release binary in a pseudo-terminal, timed by
# ../shared/tools/tui-bench (first frame from process start, key to updated screen, peak
# memory), beside whiptail's checklist of 14 and 5,000 items in the same run. Needs python3 with
# pyte, GNU time and whiptail. Usage: benches/wizard-pty.sh [RUNS]; the figures and what they
# are compared with: docs/performance.md.
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-15}
BENCH=${TUI_BENCH:-../shared/tools/tui-bench/tui_bench.py}
cargo build --release --quiet
cargo run --release --quiet --example synthetic -- 5000 > target/synthetic-5000.toml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The peer: whiptail's checklist, items "Step i of N: check item i", Space x10 then Down x12,
# as in the tool's peer baseline.
for n in 14 5000; do
    python3 "$(dirname "$BENCH")/peers/gen_items.py" "$n" "$work" > /dev/null
    first="Step 01 of 14"
    if [ "$n" = 5000 ]; then first="Step 0001 of 5000"; fi
    mapfile -t items < "$work/items-$n.args"
    python3 "$BENCH" --name whiptail --label "$n" --ready '<Cancel>' --ready "$first" \
        --key space:10 --key down:12 --quit enter --runs "$RUNS" --size 120x40 \
        -- whiptail --checklist "Select items" 38 100 30 "${items[@]}"
done
# Home screen over the bundled procedures, no runs yet.
mkdir -p "$work/home"
python3 "$BENCH" --name poryadok-home --label bundled --ready 'q quit' --ready 'Procedures' \
    --key down:4 --key up:4 --quit q --runs "$RUNS" --size 120x40 --env LANG=en_US.UTF-8 \
    -- ./target/release/poryadok --data-dir "$work/home"
# The same with no cache (a file stands where its folder would be): the bundled procedures are
# read and checked from their TOML at every start.
mkdir -p "$work/home-uncached"
: > "$work/home-uncached/cache"
python3 "$BENCH" --name poryadok-home-uncached --label bundled --ready 'q quit' \
    --ready 'Procedures' --key down:4 --key up:4 --quit q --runs "$RUNS" --size 120x40 \
    --env LANG=en_US.UTF-8 -- ./target/release/poryadok --data-dir "$work/home-uncached"
# A run of the generated 5,000-step procedure, opened directly.
mkdir -p "$work/large/procedures" "$work/large/runs"
cp target/synthetic-5000.toml "$work/large/procedures/"
printf '%s\n' '{"format": 2, "run": {"procedure": {"id": "synthetic-5000", "version": "1"}, "label": "bench", "created": "2026-11-23T00:00:00Z"}}' \
    > "$work/large/runs/synthetic-5000-1.json"
# The first run reads the TOML and keeps the procedure in <data>/cache; the timed runs that
# follow take it from there, as every start after the first does for an officer.
# Besides moves, keys that change the run and are saved: the first step done (space) and the
# change undone (u), each after a move, as an officer works down a list.
changes=""
for _ in 1 2 3 4 5; do
    changes="$changes --key space:1 --key down:1 --key up:1 --key u:1 --key down:1 --key up:1"
done
# shellcheck disable=SC2086 # $changes is a list of options
python3 "$BENCH" --name poryadok-run --label 5000 --ready 'of 5000 done' --ready 'q quit' \
    --key down:4 --key up:4 $changes --quit q --runs "$RUNS" --size 120x40 \
    --env LANG=en_US.UTF-8 -- ./target/release/poryadok --data-dir "$work/large" open synthetic-5000-1
# The first start after the officer edits the 5,000-step file: the bundled procedures come from
# the cache, the edited file is read and checked from its 2 MB of TOML, and kept in the cache
# once the first frame is out. A folder stands where its cache file would go, so that keeping it
# fails and every run is such a first start.
mkdir -p "$work/edited/procedures" "$work/edited/runs"
cp "$work/large/procedures/synthetic-5000.toml" "$work/edited/procedures/"
cp "$work/large/runs/synthetic-5000-1.json" "$work/edited/runs/"
./target/release/poryadok --data-dir "$work/edited" list > /dev/null
kept=$(ls -S "$work/edited/cache/procedures" | head -n 1)
rm "$work/edited/cache/procedures/$kept"
mkdir "$work/edited/cache/procedures/$kept"
python3 "$BENCH" --name poryadok-run-edited --label 5000 --ready 'of 5000 done' --ready 'q quit' \
    --key down:4 --key up:4 --quit q --runs "$RUNS" --size 120x40 --env LANG=en_US.UTF-8 \
    -- ./target/release/poryadok --data-dir "$work/edited" open synthetic-5000-1
# The same with no cache at all (a file stands where its folder would be, so nothing can be
# kept): the bundled procedures are read from their TOML too.
mkdir -p "$work/cold/procedures" "$work/cold/runs"
cp "$work/large/procedures/synthetic-5000.toml" "$work/cold/procedures/"
cp "$work/large/runs/synthetic-5000-1.json" "$work/cold/runs/"
: > "$work/cold/cache"
python3 "$BENCH" --name poryadok-run-uncached --label 5000 --ready 'of 5000 done' --ready 'q quit' \
    --key down:4 --key up:4 --quit q --runs "$RUNS" --size 120x40 --env LANG=en_US.UTF-8 \
    -- ./target/release/poryadok --data-dir "$work/cold" open synthetic-5000-1
