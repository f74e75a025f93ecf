#!/usr/bin/env bash
# CPU time per request of `site` server binaries, side by side: the steadiest figure on a shared
# machine, where requests/s move by ±10 to 20 % between runs.
#
#   benches/cpu.sh NAME=BINARY [NAME=BINARY ...]   e.g. old=../old/site new=target/release/site
#   ROUNDS=7 ENCODING=br PAGE=/lwm2m/about benches/cpu.sh ...
#
# Each binary in turn (A B A B …) serves on 127.0.0.1, pinned to CPU 0, while wrk loads it from
# CPU 1 (both under SCHED_FIFO when run as root, as in serve.sh); the server's user and system
# time are read from /proc/PID/stat around each run. Prints each run, then per binary the
# medians of requests/s and of user and system µs per request. Not run by CI or the tests.
set -euo pipefail
[ $# -ge 1 ] || { sed -n 2,11p "$0" >&2; exit 2; }
ROUNDS=${ROUNDS:-7}
ENCODING=${ENCODING:-br}
PAGE=${PAGE:-/lwm2m/about}
PORT=${PORT:-18095}
TICKS=$(getconf CLK_TCK)
RT=""
if [ "$(id -u)" = 0 ] && command -v chrt >/dev/null; then RT="chrt -f 10"; fi
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

cpu_times() { awk '{ print $14, $15 }' "/proc/$1/stat"; } # user and system ticks

for round in $(seq "$ROUNDS"); do
    for spec in "$@"; do
        name=${spec%%=*}
        binary=${spec#*=}
        taskset -c 0 $RT "$binary" --addr "127.0.0.1:$PORT" >/dev/null 2>&1 &
        pid=$!
        for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.05; done
        read -r user0 system0 < <(cpu_times "$pid")
        output=$(taskset -c 1 $RT wrk -t1 -c64 -d4s -H "Accept-Encoding: $ENCODING" "http://127.0.0.1:$PORT$PAGE")
        read -r user1 system1 < <(cpu_times "$pid")
        kill "$pid"
        wait "$pid" 2>/dev/null || true
        requests=$(echo "$output" | awk '/requests in/ { print $1 }')
        rps=$(echo "$output" | awk '/Requests\/sec/ { print $2 }')
        user=$(echo "($user1 - $user0) * 1000000 / $TICKS / $requests" | bc -l)
        system=$(echo "($system1 - $system0) * 1000000 / $TICKS / $requests" | bc -l)
        printf '%-10s round %d: %9.0f req/s, user %5.2f µs, system %5.2f µs a request\n' \
            "$name" "$round" "$rps" "$user" "$system"
        echo "$name $rps $user $system" >>"$RESULTS"
    done
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo
printf '%-10s %10s %10s %10s\n' binary "req/s" "user µs" "system µs"
for spec in "$@"; do
    name=${spec%%=*}
    column() { awk -v n="$name" -v c="$1" '$1 == n { print $c }' "$RESULTS" | median; }
    printf '%-10s %10.0f %10.2f %10.2f\n' "$name" "$(column 2)" "$(column 3)" "$(column 4)"
done
