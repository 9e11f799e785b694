#!/usr/bin/env bash
# Browser test of the HTML report (issue 11), in headless Chromium.
#
# Builds the report for the seeds plus tests/browser/inject.txt (a document that
# carries <script> and onerror= markup), then asserts on the DOM Chromium dumps:
#   1. every finding has a highlighted span (<mark class="sev-…">) and its panel;
#   2. clicking a finding's link scrolls its span into view — driven by the report's
#      own `#selftest` hook (report.js), which clicks the first finding's link and
#      records the outcome on <html data-selftest>; no Node or npm package needed;
#   3. the injected script did not run: the page title is still "factlint report";
# and takes a screenshot of the seed report focused on the US$800 million conflict
# (set SCREENSHOT=path to write it elsewhere than a temporary file).
# Installs chromium with apt-get when missing and run as root.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "chromium is not installed (run as root to install it)" >&2
        exit 1
    fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --quiet
bin="${CARGO_TARGET_DIR:-target}/debug/factlint"
"$bin" check seeds tests/browser/inject.txt --format html --output "$work/report.html" --fail-on never
"$bin" check seeds --format html --output "$work/seeds.html" --fail-on never

browser() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d -p "$work")" --hide-scrollbars "$@" 2>>"$work/chromium.log"
}

fail() {
    echo "browser test FAILED: $*" >&2
    exit 1
}

browser --window-size=1280,900 --virtual-time-budget=3000 --dump-dom \
    "file://$work/report.html#selftest" >"$work/dom.html"

findings=$(grep -c '<details class="finding' "$work/dom.html" || true)
marks=$(grep -o '<mark class="sev-[a-z]*" data-f=' "$work/dom.html" | wc -l)
[ "$findings" -gt 0 ] || fail "no findings in the DOM"
for ((i = 0; i < findings; i++)); do
    grep -q "<a class=\"anchor[a-z ]*\" id=\"f$i\"" "$work/dom.html" || fail "finding $i has no anchor"
    # Input notes may point at an empty span (an anchor, no mark); others are marked.
    if ! grep -q "id=\"f$i\" data-f=\"$i\"></a><mark" "$work/dom.html" &&
        ! grep -q "class=\"anchor empty\" id=\"f$i\"" "$work/dom.html"; then
        grep -Eq "<mark class=\"sev-[a-z]+\" data-f=\"([0-9]+ )*$i( [0-9]+)*\"" "$work/dom.html" ||
            fail "finding $i is not highlighted"
    fi
done
grep -q '<mark class="related"' "$work/dom.html" || fail "no related span highlighted"

selftest=$(grep -o 'data-selftest="[^"]*"' "$work/dom.html" | sed 's/&quot;/"/g') ||
    fail "the #selftest hook did not run"
for expect in '"inView":true' '"scrolled":true' '"open":true'; do
    case "$selftest" in *"$expect"*) ;; *) fail "click did not scroll to the finding: $selftest" ;; esac
done
case "$selftest" in *'"flashed":0'*) fail "clicked span not outlined: $selftest" ;; esac

grep -q '<title>factlint report</title>' "$work/dom.html" || fail "page title changed: injected script ran"
grep -q 'INJECTED' "$work/dom.html" || fail "the injected document is missing"
grep -q '&lt;script&gt;document.title' "$work/dom.html" || fail "injected script not shown as text"
if grep -q '<script>document.title' "$work/dom.html"; then fail "injected <script> element in the DOM"; fi
if grep -q '<img src="x"' "$work/dom.html"; then fail "injected <img> element in the DOM"; fi

# The seed report focused on the trade-volume error of 002 (US$800 million).
focus=$(grep -o 'data-f="[0-9]*" data-sev="error" data-rule="trade-volume" data-lang="en" data-file="seeds/002_[^"]*"' \
    "$work/seeds.html" | head -1 | sed 's/data-f="\([0-9]*\)".*/\1/')
[ -n "$focus" ] || fail "no trade-volume error in seeds/002"
shot="${SCREENSHOT:-$work/seeds.png}"
browser --window-size=1280,860 --virtual-time-budget=3000 --screenshot="$shot" \
    "file://$work/seeds.html#focus-f$focus" >/dev/null
[ -s "$shot" ] || fail "no screenshot"
echo "browser test passed: $findings findings, $marks highlighted spans, selftest $selftest; screenshot $shot"
