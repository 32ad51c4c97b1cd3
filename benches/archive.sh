#!/usr/bin/env bash
# The archive at scale: `broadsheet search` against `grep -r -F` side by
# side on the 10,000-issue generated archive (a pattern in a few issues, one
# in every issue), the reader's library search (first results, whole
# library), and open/list at 1k, 10k and 100k issues with peak memory.
#
#   bash benches/archive.sh [WORK_DIR]        # SCALES="1000 10000 100000"
#
# Each time is the best of RUNS runs (other work on the machine only ever
# adds time). The archives come from examples/gen-archive.rs (one issue in
# 20 in GB18030, one in 25 with a BOM and CRLF); three issues of the 10k one
# get a headline with a word found nowhere else (麒麟吉祥物).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/broadsheet-archive-bench}
runs=${RUNS:-3}
scales=${SCALES:-"1000 10000 100000"}
few=麒麟吉祥物
every=${EVERY:-高亭宇}

cargo build --release --bin broadsheet --example gen-archive --example open-library --example search-library
target=${CARGO_TARGET_DIR:-target}/release
bs=$target/broadsheet
mkdir -p "$work"
# A header cache of its own, so other runs on the machine cannot evict it.
export XDG_STATE_HOME=$work/state

archive() {
    local dir=$work/a$1
    if [ ! -d "$dir" ]; then
        "$target/examples/gen-archive" --issues "$1" "$dir" > /dev/null
        if [ "$1" = 10000 ]; then
            for file in $(find "$dir" -name '*.md' | sort | head -3); do
                printf '\n## 新闻：冬奥会%s亮相\n\n冰墩墩之外。\n' "$few" >> "$file"
            done
        fi
    fi
    echo "$dir"
}

# The best wall time of RUNS runs of a command, in seconds.
best() {
    local best= t
    local log=$work/time.log
    for _ in $(seq "$runs"); do
        /usr/bin/time -f %e -o "$log" "$@" > /dev/null 2> /dev/null || true
        t=$(tail -1 "$log")
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    done
    echo "$best"
}

# One side-by-side row: grep, broadsheet, ratio.
versus() {
    local title=$1 pattern=$2 dir=$3
    local g b
    g=$(best grep -r -F -- "$pattern" "$dir")
    b=$(best "$bs" search --color never --width 100 -- "$pattern" "$dir")
    local hits
    hits=$("$bs" search --json -- "$pattern" "$dir" | wc -l)
    awk -v t="$title" -v g="$g" -v b="$b" -v h="$hits" \
        'BEGIN{printf "%-28s grep -r -F %5.2f s  broadsheet search %5.2f s  ratio %4.1f×  (%d matches)\n", t, g, b, (g > 0 ? b / g : 0), h}'
}

a10k=$(archive 10000)
du -sh "$a10k" | sed 's/^/archive: /'
"$bs" list "$a10k" > /dev/null   # the header cache is warm from here on
echo "== broadsheet search vs grep -r -F (10,000 issues, page cache warm)"
versus "few issues ($few)" "$few" "$a10k"
versus "every issue ($every)" "$every" "$a10k"
echo "== the reader's library search (worker API, the reader's header cache)"
# The example is a program of its own, so the cache broadsheet wrote is not
# its: one run (not shown) learns the legacy files' encodings, which the
# reader knows after its first search or any broadsheet search.
"$target/examples/search-library" --cache "$XDG_STATE_HOME/broadsheet" "$every" "$a10k" > /dev/null
"$target/examples/search-library" --cache "$XDG_STATE_HOME/broadsheet" "$few" "$a10k"
"$target/examples/search-library" --cache "$XDG_STATE_HOME/broadsheet" "$every" "$a10k"

echo "== open and list at each scale (page cache warm, header cache warm)"
for n in $scales; do
    dir=$(archive "$n")
    "$bs" list "$dir" > /dev/null
    /usr/bin/time -f "%e s, peak RSS %M KB" -o "$work/time.log" "$target/examples/open-library" "$dir" > /dev/null
    open=$(tail -1 "$work/time.log")
    list=$(best "$bs" list "$dir")
    heads=$(best sh -c "find '$dir' -type f -name '*.md' -print0 | xargs -0 head -qc 4096")
    awk -v n="$n" -v o="$open" -v l="$list" -v h="$heads" \
        'BEGIN{printf "%7d issues: open %s; list %.2f s, reading 4 KB heads %.2f s (%.1f×)\n", n, o, l, h, (h > 0 ? l / h : 0)}'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
