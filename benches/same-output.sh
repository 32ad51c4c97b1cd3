#!/usr/bin/env bash
# A speed change must not change what is found or how it is shown: run two
# builds' `broadsheet search` (text at two widths, colour, JSON) and the
# reader's library search (every result, `search-library --dump`) over one
# archive for a few patterns, and diff their output byte for byte.
#
#   bash benches/same-output.sh BEFORE_DIR AFTER_DIR ARCHIVE
#
# Each DIR holds a `broadsheet` and a `search-library` binary (copy
# target/release/broadsheet and target/release/examples/search-library of
# each build there). Patterns: a word in nearly every issue, a word in three,
# a Latin word with case folding and a fullwidth form (PATTERNS overrides).
set -euo pipefail
before=$1 after=$2 archive=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One header cache for both, so both read each file in the same encoding.
export XDG_STATE_HOME=$work/state
"$before/broadsheet" list "$archive" > /dev/null
if [ -n "${PATTERNS:-}" ]; then
    read -r -a patterns <<< "$PATTERNS"
else
    patterns=(高亭宇 麒麟吉祥物 ip ＩＰ)
fi
failed=0
# Compare the files before and after under a label.
compare() {
    if cmp -s "$work/before" "$work/after" && cmp -s "$work/before.err" "$work/after.err"; then
        echo "same: $1 ($(wc -l < "$work/after") lines)"
    else
        echo "DIFFERENT: $1"
        diff "$work/before" "$work/after" | head -5 || true
        failed=1
    fi
}
for pattern in "${patterns[@]}"; do
    for args in "--color never --width 100" "--color always --width 37" "--json"; do
        for side in before after; do
            # shellcheck disable=SC2086
            "${!side}/broadsheet" search $args -- "$pattern" "$archive" > "$work/$side" 2> "$work/$side.err" || true
        done
        compare "search $args $pattern"
    done
    for side in before after; do
        "${!side}/search-library" --dump --cache "$XDG_STATE_HOME/broadsheet" "$pattern" "$archive" \
            2> "$work/$side.err" | grep -v '^library search' > "$work/$side"
    done
    compare "library search $pattern"
done
exit $failed
