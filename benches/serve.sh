#!/usr/bin/env bash
# Serving benchmark: the `site` server against nginx serving `site export`'s files (with
# gzip_static and brotli_static), and against a floor (benches/floor.rs: minimal hyper answering
# one precomputed response, the server's own head and body for the page), side by side on
# 127.0.0.1 with wrk, alternating A B C A B C.
#
#   benches/serve.sh [SECONDS_PER_RUN] [ROUNDS]        (defaults: 10 s, 3 rounds)
#   CONNECTIONS=64 PAGE=/lwm2m/about benches/serve.sh
#
# On a machine with two or more cores each server runs pinned to CPU 0 and wrk to CPU 1, so
# every server gets one core and the load generator another. As root, servers and wrk run
# under SCHED_FIFO (chrt -f 10), all alike, so that other work on the machine (builds) cannot
# preempt them: on a shared machine that is what makes the figures repeatable. The price is
# the kernel's real-time throttling (by default 50 ms in every second), which lands in every
# server's p99 alike. BENCH_RT=0 runs them as ordinary processes. Prints, per encoding, the median
# requests/s and p99 latency of each server and the ratios; then binary size, idle RSS and time
# from exec to first response. Not run by CI or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${1:-10}
ROUNDS=${2:-3}
CONNECTIONS=${CONNECTIONS:-64}
PAGE=${PAGE:-/lwm2m/about}
SITE_PORT=18081
NGINX_PORT=18082
FLOOR_PORT=18083

# --- tools ----------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
command -v curl >/dev/null || missing+=(curl)
command -v bc >/dev/null || missing+=(bc)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release --quiet -p site --bin site --example floor
SITE=target/release/site
FLOOR=target/release/examples/floor

WORK=$(mktemp -d)
chmod 755 "$WORK" # nginx workers run as another user
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    sleep 0.2
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$(nproc)" -ge 2 ]; then SERVER_CPU="taskset -c 0"; CLIENT_CPU="taskset -c 1"; else SERVER_CPU=""; CLIENT_CPU=""; fi
if [ "${BENCH_RT:-1}" = 1 ] && [ "$(id -u)" = 0 ] && command -v chrt >/dev/null; then
    SERVER_CPU="$SERVER_CPU chrt -f 10"
    CLIENT_CPU="$CLIENT_CPU chrt -f 10"
fi

"$SITE" export "$WORK/export" >/dev/null

# --- nginx, configured as a static host would be for these files ------------------------------
CSP=$(grep -A3 'pub const CONTENT_SECURITY_POLICY_VALUE' site/src/serve/headers.rs | tr -d '\n' |
    sed -e 's/.*= "//' -e 's/";.*//' -e 's/\\ *//g' -e 's/  */ /g')
cat >"$WORK/nginx.conf" <<EOF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_requests 1000000;
    keepalive_timeout 60s;
    open_file_cache max=10000 inactive=60s;
    open_file_cache_valid 60s;
    server_tokens off;
    types { text/html html; application/xml xml; image/jpeg jpg; image/png png; text/css css; application/javascript js; }
    default_type application/octet-stream;
    client_body_temp_path $WORK/nginx-tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/export;
        gzip_static on;
        brotli_static on;
        gzip_vary on;
        location / {
            try_files \$uri \$uri/index.html =404;
            add_header Cache-Control "no-cache";
            add_header Content-Security-Policy "$CSP";
            add_header X-Content-Type-Options nosniff;
            add_header Referrer-Policy strict-origin-when-cross-origin;
            add_header X-Frame-Options DENY;
        }
    }
}
EOF
mkdir -p "$WORK/nginx-tmp"

wait_for() {
    for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.05; done
    echo "nothing answers on port $1" >&2
    return 1
}

start_site() {
    $SERVER_CPU "$SITE" --addr "127.0.0.1:$SITE_PORT" >/dev/null 2>&1 &
    SITE_PID=$!
    PIDS+=("$SITE_PID")
    wait_for "$SITE_PORT"
}
start_nginx() {
    $SERVER_CPU nginx -c "$WORK/nginx.conf" -p "$WORK" -g "daemon on;"
    wait_for "$NGINX_PORT"
}
start_floor() { # $1: encoding
    [ -n "${FLOOR_PID:-}" ] && kill "$FLOOR_PID" 2>/dev/null && wait "$FLOOR_PID" 2>/dev/null || true
    $SERVER_CPU "$FLOOR" "127.0.0.1:$FLOOR_PORT" "$1" >/dev/null 2>&1 &
    FLOOR_PID=$!
    PIDS+=("$FLOOR_PID")
    wait_for "$FLOOR_PORT"
}

# wrk run: prints "REQUESTS_PER_SECOND P99_MICROSECONDS".
run_wrk() { # $1: port, $2: Accept-Encoding (empty for none)
    local header=()
    [ -n "$2" ] && header=(-H "Accept-Encoding: $2")
    $CLIENT_CPU wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "${header[@]}" \
        "http://127.0.0.1:$1$PAGE" | awk '
        /Requests\/sec/ { rps = $2 }
        /^ +99%/ { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
                   m = (u == "us") ? 1 : (u == "ms") ? 1000 : (u == "s") ? 1000000 : 1; p99 = v * m }
        END { printf "%.0f %.0f\n", rps, p99 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

head_of() { # $1: port, $2: Accept-Encoding; the response head but its Date, sorted
    curl -s -D - -o /dev/null ${2:+-H "Accept-Encoding: $2"} "http://127.0.0.1:$1$PAGE" |
        tr -d '\r' | grep -vi '^date:' | sort
}

body_length() { # $1: port, $2: Accept-Encoding
    curl -s -o /dev/null -w '%{size_download}' ${2:+-H "Accept-Encoding: $2"} "http://127.0.0.1:$1$PAGE"
}

start_site
start_nginx

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ { print $2 }') GiB"
echo "# $PAGE, wrk -t1 -c$CONNECTIONS -d${SECONDS_PER_RUN}s, $ROUNDS rounds (medians), servers on ${SERVER_CPU:-any CPU}, wrk on ${CLIENT_CPU:-any CPU}"
printf '%-9s %6s | %10s %8s | %10s %8s | %10s %8s | %11s %11s\n' \
    encoding bytes "site req/s" "p99 µs" "nginx r/s" "p99 µs" "floor r/s" "p99 µs" "site/nginx" "site/floor"
for encoding in identity gzip br; do
    accept=$([ "$encoding" = identity ] && echo "" || echo "$encoding")
    start_floor "$encoding"
    sizes="$(body_length $SITE_PORT "$accept")/$(body_length $NGINX_PORT "$accept")/$(body_length $FLOOR_PORT "$accept")"
    IFS=/ read -r site_size nginx_size floor_size <<<"$sizes"
    if [ "$site_size" != "$nginx_size" ] || [ "$site_size" != "$floor_size" ]; then
        echo "bodies differ in size ($encoding): site $site_size, nginx $nginx_size, floor $floor_size" >&2
        exit 1
    fi
    if [ "$(head_of $SITE_PORT "$accept")" != "$(head_of $FLOOR_PORT "$accept")" ]; then
        echo "the floor's head differs from the site's ($encoding):" >&2
        diff <(head_of $SITE_PORT "$accept") <(head_of $FLOOR_PORT "$accept") >&2 || true
        exit 1
    fi
    : >"$WORK/site" && : >"$WORK/nginx" && : >"$WORK/floor"
    for _ in $(seq "$ROUNDS"); do
        run_wrk $SITE_PORT "$accept" >>"$WORK/site"
        run_wrk $NGINX_PORT "$accept" >>"$WORK/nginx"
        run_wrk $FLOOR_PORT "$accept" >>"$WORK/floor"
    done
    s_rps=$(cut -d' ' -f1 "$WORK/site" | median); s_p99=$(cut -d' ' -f2 "$WORK/site" | median)
    n_rps=$(cut -d' ' -f1 "$WORK/nginx" | median); n_p99=$(cut -d' ' -f2 "$WORK/nginx" | median)
    f_rps=$(cut -d' ' -f1 "$WORK/floor" | median); f_p99=$(cut -d' ' -f2 "$WORK/floor" | median)
    printf '%-9s %6s | %10.0f %8.0f | %10.0f %8.0f | %10.0f %8.0f | %10.2fx %10.2fx\n' \
        "$encoding" "$site_size" "$s_rps" "$s_p99" "$n_rps" "$n_p99" "$f_rps" "$f_p99" \
        "$(echo "$s_rps / $n_rps" | bc -l)" "$(echo "$s_rps / $f_rps" | bc -l)"
done

# --- footprint -------------------------------------------------------------------------------
echo
echo "binary: $(stat -c %s "$SITE") bytes ($(du -h "$SITE" | cut -f1))"
kill "$SITE_PID" && wait "$SITE_PID" 2>/dev/null || true
"$SITE" --addr "127.0.0.1:$SITE_PORT" >/dev/null 2>&1 &
IDLE_PID=$!
PIDS+=("$IDLE_PID")
wait_for "$SITE_PORT"
sleep 1
echo "idle RSS after one request: $(awk '/VmRSS/ { print $2, $3 }' "/proc/$IDLE_PID/status")"
kill "$IDLE_PID" && wait "$IDLE_PID" 2>/dev/null || true
if command -v python3 >/dev/null; then
    python3 - "$SITE" "$SITE_PORT" <<'PY'
import socket, subprocess, sys, time
binary, port = sys.argv[1], int(sys.argv[2])
times = []
for _ in range(10):
    start = time.perf_counter()
    process = subprocess.Popen([binary, "--addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if s.recv(12).startswith(b"HTTP/1.1 200"):
                    break
        except OSError:
            time.sleep(0.0002)
    times.append((time.perf_counter() - start) * 1000)
    process.terminate()
    process.wait()
times.sort()
print(f"exec to first response: median {times[len(times) // 2]:.1f} ms, min {times[0]:.1f} ms (10 starts)")
PY
fi
