#!/usr/bin/env bash
# Used by scripts/bench: every second, prints "<epoch seconds> <busy %> <other %>" where busy is the
# whole machine's CPU use and other is the part used by processes that are not the benchmark's
# (the server with PID $1, PostgreSQL, pgbench, and java processes whose command line holds $2).
# 100 % = all cores. Runs until killed.
server_pid=$1 marker=$2
hz=$(getconf CLK_TCK) cores=$(nproc)
ours() { # the benchmark's PIDs, space separated
  local p
  echo -n " $server_pid "
  for p in $(pgrep -d ' ' -x postgres) $(pgrep -d ' ' -x pgbench) $(pgrep -d ' ' -f -- "$marker"); do echo -n "$p "; done
}
snapshot() { # "<total busy ticks> <other ticks>"
  local our busy
  our=$(ours)
  busy=$(awk 'NR == 1 { printf "%.0f", $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)
  # cat goes on past processes that end meanwhile
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v ours="$our" -v busy="$busy" '
    { line = $0; pid = substr(line, 1, index(line, " ") - 1)
      sub(/^.*\) /, "", line); split(line, f, " ")
      if (index(ours, " " pid " ") == 0) other += f[12] + f[13] }
    END { printf "%s %.0f\n", busy, other }'
}
t0=$(date +%s%N)
read -r b0 o0 < <(snapshot)
while sleep 1; do
  t1=$(date +%s%N)   # the real interval: a snapshot takes a while on a busy machine
  read -r b1 o1 < <(snapshot)
  awk -v t="$((t1 / 1000000000))" -v s="$(((t1 - t0) / 1000000))" -v b="$((b1 - b0))" -v o="$((o1 - o0))" \
    -v hz="$hz" -v n="$cores" \
    'BEGIN { w = s / 1000 * hz * n; printf "%d %.0f %.0f\n", t, 100 * b / w, (o < 0 ? 0 : 100 * o / w) }'
  b0=$b1 o0=$o1 t0=$t1
done
