#!/usr/bin/env bash
# Library start-up on a 10,000-issue archive: cold (page cache dropped),
# page cache warm without the header cache, and with the header cache warm;
# peak memory from /usr/bin/time -v; the time to read and parse an issue.
#
#   bash benches/library.sh [ISSUES] [WORK_DIR]
#
# Dropping the page cache needs root (`echo 3 > /proc/sys/vm/drop_caches`);
# without it the "cold" rows are skipped. Each row is the best of RUNS runs,
# since other work on the machine only ever adds time.
set -euo pipefail
cd "$(dirname "$0")/.."
issues=${1:-10000}
work=${2:-/tmp/broadsheet-bench}
runs=${RUNS:-3}
archive=$work/archive
cache=$work/state

cargo build --release --example gen-archive --example open-library
bin=${CARGO_TARGET_DIR:-target}/release/examples
if [ ! -d "$archive" ]; then
    "$bin/gen-archive" --issues "$issues" "$archive"
fi
du -shL "$archive"

drop_caches() {
    sync
    echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
}

# One run: the open line, the switch lines, wall/CPU/peak memory.
run() {
    /usr/bin/time -f "  wall %e s, user %U s, sys %S s, peak RSS %M KB" \
        "$bin/open-library" "$@" 2>&1 | sed 's/^/  /'
}

row() {
    local title=$1 cold=$2
    shift 2
    echo "== $title"
    for _ in $(seq "$runs"); do
        if [ "$cold" = cold ] && ! drop_caches; then
            echo "  (cannot drop the page cache: not root)"
            return
        fi
        run "$@"
    done
}

rm -rf "$cache"
row "cold, no header cache (first start ever)" cold "$archive"
row "page cache warm, no header cache" warm "$archive"
"$bin/open-library" --cache "$cache" "$archive" > /dev/null
row "cold, header cache warm (first start after a reboot)" cold --cache "$cache" "$archive"
row "header cache warm (every later start)" warm --cache "$cache" "$archive"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
