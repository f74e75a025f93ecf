#!/usr/bin/env bash
# Soak benchmark: the release `site` server under wrk with 512 connections for a long run, while
# other clients misbehave beside it: some read their answers a few bytes at a time, others send
# pipelined requests and never read at all. Prints wrk's requests/s, p99 and errors, what the
# misbehaving clients saw, and the server's resident memory at the start, every minute and at
# the end, which must stay flat.
#
#   benches/soak.sh [SECONDS] [PAGE]        (defaults: 600 s, /lwm2m/about)
#
# wrk connects from one address, so the per-address cap is raised above its 512 connections
# (--max-connections-per-ip 2048); the misbehaving clients use 127.0.0.2 and 127.0.0.3, each
# under the default cap. Environment: SLOW (64) and STALLED (64) clients, PORT (18090).
# Not run by CI or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_TOTAL=${1:-600}
PAGE=${2:-/lwm2m/about}
SLOW=${SLOW:-64}
STALLED=${STALLED:-64}
PORT=${PORT:-18090}

for tool in wrk python3; do
    command -v "$tool" >/dev/null || { echo "soak.sh needs $tool" >&2; exit 1; }
done

cargo build --quiet --release -p site
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

"$target/release/site" --addr "127.0.0.1:$PORT" --max-connections-per-ip 2048 >"$work/server.log" 2>&1 &
server=$!
pids+=("$server")
for _ in $(seq 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT$PAGE" && break
    sleep 0.1
done
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ {print $2}' /proc/meminfo) kB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(rustc --version), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "soak: $SECONDS_TOTAL s of wrk -c512 on $PAGE, with $SLOW slow readers and $STALLED clients that never read"
echo "RSS idle: $(rss) kB"

# The misbehaving clients: each loops for the whole run, reconnecting when the server closes.
cat >"$work/clients.py" <<'EOF'
import socket, sys, threading, time

kind, count, port, page, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5])
source = "127.0.0.2" if kind == "slow" else "127.0.0.3"
request = f"GET {page} HTTP/1.1\r\nHost: soak\r\n\r\n".encode()
end = time.monotonic() + seconds
stats = {"connections": 0, "refused": 0, "closed_by_server": 0, "bytes": 0}
lock = threading.Lock()

def count_stat(key, n=1):
    with lock:
        stats[key] += n

def client():
    while time.monotonic() < end:
        try:
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
            s.bind((source, 0))
            s.settimeout(30)
            s.connect(("127.0.0.1", port))
            count_stat("connections")
        except OSError:
            count_stat("refused")
            time.sleep(0.5)
            continue
        try:
            if kind == "slow":
                # Ask again and again, reading 64 bytes every 50 ms.
                while time.monotonic() < end:
                    s.sendall(request)
                    got = 0
                    while got < 4096 and time.monotonic() < end:
                        chunk = s.recv(64)
                        if not chunk:
                            raise ConnectionResetError
                        got += len(chunk)
                        count_stat("bytes", len(chunk))
                        time.sleep(0.05)
            else:
                # Pipeline requests until the socket's buffers fill, then never read.
                s.setblocking(False)
                while time.monotonic() < end:
                    try:
                        s.send(request * 16)
                    except BlockingIOError:
                        time.sleep(1)
                        # The server closes a connection that stops reading: poll for it.
                        try:
                            if s.recv(1, socket.MSG_PEEK) == b"":
                                raise ConnectionResetError
                        except BlockingIOError:
                            pass
        except (ConnectionResetError, BrokenPipeError, socket.timeout, OSError):
            count_stat("closed_by_server")
        finally:
            s.close()

threads = [threading.Thread(target=client, daemon=True) for _ in range(count)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{kind}: {count} clients, {stats['connections']} connections, {stats['closed_by_server']} closed by the server, "
      f"{stats['refused']} refused, {stats['bytes']} bytes read")
EOF
python3 "$work/clients.py" slow "$SLOW" "$PORT" "$PAGE" "$SECONDS_TOTAL" >"$work/slow.out" &
pids+=($!)
python3 "$work/clients.py" stalled "$STALLED" "$PORT" "$PAGE" "$SECONDS_TOTAL" >"$work/stalled.out" &
pids+=($!)

wrk -t2 -c512 -d"${SECONDS_TOTAL}s" --timeout 10s --latency -H 'Accept-Encoding: br' \
    "http://127.0.0.1:$PORT$PAGE" >"$work/wrk.out" &
wrk_pid=$!
sleep 10
start_rss=$(rss)
echo "RSS after 10 s: $start_rss kB"
samples=()
while kill -0 "$wrk_pid" 2>/dev/null; do
    sleep 60
    kill -0 "$wrk_pid" 2>/dev/null || break
    samples+=("$(rss)")
    echo "RSS at $(( ${#samples[@]} )) min: ${samples[-1]} kB"
done
wait "$wrk_pid"
wait "${pids[@]:1}" 2>/dev/null || true
end_rss=$(rss)

requests=$(sed -nE 's/^Requests\/sec: *([0-9.]+)/\1/p' "$work/wrk.out")
p99=$(sed -nE 's/^ *99% *([0-9.]+[a-z]+)/\1/p' "$work/wrk.out")
socket_errors=$(sed -nE 's/^ *Socket errors: (.*)/\1/p' "$work/wrk.out")
non_2xx=$(sed -nE 's/^ *Non-2xx or 3xx responses: ([0-9]+)/\1/p' "$work/wrk.out")
echo
echo "wrk: ${requests} requests/s, p99 ${p99}, socket errors: ${socket_errors:-none}, non-2xx: ${non_2xx:-0}"
cat "$work/slow.out" "$work/stalled.out"
echo "RSS: ${start_rss} kB after 10 s, ${end_rss} kB at the end (max of the minutes: $(printf '%s\n' "${samples[@]:-$end_rss}" | sort -n | tail -1) kB)"
echo "server still answers: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$PAGE")"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
