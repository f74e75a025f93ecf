# Helpers the benchmark scripts share; sourced, not run.

# The median of the numbers given as arguments (the lower middle one of an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# $1 divided by $2, to two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# The machine, its load, the compiler and the commit measured, for the figures' record.
describe_machine() {
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
        "$(awk '/MemTotal/ {print $2}' /proc/meminfo) kB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "$(rustc --version), commit $(git -C "$1" rev-parse --short HEAD 2>/dev/null || echo '?')"
}
