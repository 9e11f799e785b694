#!/usr/bin/env bash
# Runs each fuzz target for a few seconds (45 s of fuzzing in all, after the build).
# Needs cargo-fuzz (`cargo install cargo-fuzz`); nightly features come from
# RUSTC_BOOTSTRAP=1 on the stable toolchain. Not part of .ci/run.
# New inputs go to a temporary directory; the committed seed corpora stay unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cargo fuzz build -s none -a
for target in rules_toml value_parse check_document; do
    mkdir -p "$scratch/$target"
    echo "== $target"
    status=0
    cargo fuzz run "$target" -s none -a "$scratch/$target" "fuzz/corpus/$target" -- \
        -max_total_time=15 -timeout=10 -print_final_stats=1 >"$scratch/$target.log" 2>&1 ||
        status=$?
    grep -E '^(stat::number_of_executed_units|SUMMARY|thread)' "$scratch/$target.log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$scratch/$target.log"
        echo "fuzz smoke: $target failed (exit $status)" >&2
        exit 1
    fi
done
echo "fuzz smoke: all targets ran without a crash"
