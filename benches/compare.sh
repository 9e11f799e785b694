#!/usr/bin/env bash
# Whole-run benchmarks of factlint (issue 7): generates corpora with examples/gen.rs
# under target/bench/ (never committed) and prints, per corpus size, the wall time and
# MB/s of `factlint check` with 1 and 2 threads, the time of ripgrep searching the
# same corpus for the rule pack's patterns (`factlint rules --expanded-patterns`,
# case-insensitive since the patterns are written for folded text), the ratio
# factlint/rg, and factlint's peak RSS; then the time of a warm-cache re-check after
# one document of a large corpus was edited and staged (`check --staged`). The
# corpora are also checked without their manifest (languages detected, no dates:
# the run with the most findings and the largest report).
#
# ripgrep falls back to its slowest engine on these patterns (Unicode word boundaries
# on non-ASCII text in one huge alternation), so it runs under RG_TIMEOUT seconds and
# a run that times out is shown as ">T" (its MB/s is then an upper bound).
#
# Usage: benches/compare.sh            sizes 100 and 1000 MB, re-check on 100,000 docs
#        SIZES="100 300" RECHECK_DOCS=20000 RUNS=3 benches/compare.sh
#        SIZES= benches/compare.sh    only the staged re-check
# Timings are the best of RUNS runs (default 2); RSS comes from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES-"100 1000"}    # SIZES= (empty): only the staged re-check
RECHECK_DOCS=${RECHECK_DOCS:-100000}
RUNS=${RUNS:-2}
RG_TIMEOUT=${RG_TIMEOUT:-600}   # rg can be very slow on these patterns (see below)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
BENCH=$CARGO_TARGET_DIR/bench
mkdir -p "$BENCH"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need rg; then
  echo "installing ripgrep…" >&2
  (apt-get update -qq && apt-get install -y -qq ripgrep) >/dev/null 2>&1 \
    || sudo sh -c 'apt-get update -qq && apt-get install -y -qq ripgrep' >/dev/null
fi
[ -x /usr/bin/time ] || (apt-get install -y -qq time >/dev/null 2>&1 || true)

cargo build --release --quiet --bin factlint --example gen
FACTLINT=$CARGO_TARGET_DIR/release/factlint
GEN=$CARGO_TARGET_DIR/release/examples/gen
PATTERNS=$BENCH/patterns.txt
"$FACTLINT" rules --expanded-patterns rules > "$PATTERNS"
# The shipped pack's patterns compile past rg's default 100 MB regex size limit
# (rg then refuses them, exit code 2): rg gets room, and its compile time (about
# 20 s, mostly allocation) is part of every rg time below.
RG=(rg -c -i --regex-size-limit 1G -f "$PATTERNS")
# An rg that rejects the patterns would be timed at its error (exit code 2).
rg_rc=0
"${RG[@]}" /dev/null >/dev/null 2>"$BENCH/rg-check.txt" || rg_rc=$?
if [ "$rg_rc" -eq 2 ]; then
  echo "rg cannot read the expanded patterns:" >&2
  cat "$BENCH/rg-check.txt" >&2
  exit 2
fi

# corpus DIR DOCS: generate once (deterministic, seed 1, 2% planted conflicts).
corpus() {
  if [ ! -f "$1/.done-$2" ]; then
    rm -rf "$1"
    "$GEN" --out "$1" --docs "$2" --seed 1 --conflict-rate 0.02 >&2
    touch "$1/.done-$2"
  fi
}

# best WALL-SECONDS and max RSS-KB of RUNS runs of a command: prints "secs kb".
measure() {
  local best="" rss=0 s k
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$BENCH/time.txt" "$@" >/dev/null 2>&1 || true
    read -r s k < <(tail -1 "$BENCH/time.txt")
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
    if [ "$k" -gt "$rss" ]; then rss=$k; fi
  done
  echo "$best $rss"
}

printf '%-8s %8s | %9s %8s | %9s %8s | %8s %7s | %9s\n' \
  corpus docs "1 thr s" "MB/s" "2 thr s" "MB/s" "rg s" ratio "peak RSS"
for size in $SIZES; do
  docs=$(( size * 1000000 / 5100 ))
  dir=$BENCH/corpus-$docs
  corpus "$dir" "$docs"
  mb=$(du -sm --apparent-size "$dir/docs" | cut -f1)
  read -r t1 _ < <(RAYON_NUM_THREADS=1 measure "$FACTLINT" check "$dir/docs" --no-cache --rules rules --format json)
  read -r t2 rss < <(RAYON_NUM_THREADS=2 measure "$FACTLINT" check "$dir/docs" --no-cache --rules rules --format json)
  read -r trg _ < <(RUNS=1 measure timeout "$RG_TIMEOUT" "${RG[@]}" "$dir/docs")
  rgmark=""
  if awk "BEGIN{exit !($trg >= $RG_TIMEOUT)}"; then rgmark=">"; fi
  awk -v n="${size}MB" -v d="$docs" -v mb="$mb" -v t1="$t1" -v t2="$t2" -v rg="$trg" \
      -v mark="$rgmark" -v rss="$rss" 'BEGIN{
    printf "%-8s %8d | %9.2f %8.1f | %9.2f %8.1f | %1s%7.1f %7.3f | %6.0f MB\n",
      n, d, t1, mb/t1, t2, mb/t2, mark, rg, t2/(rg>0?rg:0.01), rss/1024 }'
done

# The corpora again without their manifest (hard links to the same files): every
# language is detected and no document has a date, as in a folder of plain articles,
# so nearly every anniversary gets a "no date" note.
echo
for size in $SIZES; do
  dir=$BENCH/corpus-$(( size * 1000000 / 5100 ))
  bare=$dir/docs-no-manifest
  if [ ! -d "$bare" ]; then
    mkdir -p "$bare" && find "$dir/docs" -maxdepth 1 -name '*.txt' -exec cp -l -t "$bare" {} +
  fi
  read -r n1 _ < <(RAYON_NUM_THREADS=1 measure "$FACTLINT" check "$bare" --no-cache --rules rules --format json)
  read -r n2 nrss < <(RAYON_NUM_THREADS=2 measure "$FACTLINT" check "$bare" --no-cache --rules rules --format json)
  echo "${size}MB without manifest (languages detected, no dates): 1 thr ${n1} s, 2 thr ${n2} s, peak RSS $(( nrss / 1024 )) MB"
done

# `check --staged` with a warm cache after one document of a large corpus was edited
# and staged: the corpus is a git repository (committed once), the cache is filled
# by a full run, then one document is edited, staged and re-checked.
dir=$BENCH/corpus-$RECHECK_DOCS
corpus "$dir" "$RECHECK_DOCS"
cache=$BENCH/cache-$RECHECK_DOCS
rules=$PWD/rules
rm -rf "$cache"
(
  cd "$dir"
  if [ ! -d .git ]; then
    git init -q . && git add -A docs && \
      git -c user.name=bench -c user.email=bench@localhost commit -qm corpus
  fi
  "$FACTLINT" check docs --cache --cache-dir "$cache" --rules "$rules" >/dev/null 2>&1 || true
  first=$(git ls-files 'docs/*.txt' | sed -n 1p)
  echo "Kazakh President Kassym-Jormat Tokayev sent a message." >> "$first"
  git add "$first"
  stats=$(/usr/bin/time -f "%e %M" -o "$BENCH/time.txt" "$FACTLINT" check docs --staged \
    --cache --cache-dir "$cache" --rules "$rules" --verbose 2>&1 >/dev/null | grep files || true)
  read -r tw rw < <(tail -1 "$BENCH/time.txt")
  git checkout -q HEAD -- "$first"   # undo the edit: the corpus stays as generated
  echo
  echo "check --staged, warm cache, $RECHECK_DOCS documents, one edited: ${tw} s, peak RSS $(( rw / 1024 )) MB ($stats)"
)
