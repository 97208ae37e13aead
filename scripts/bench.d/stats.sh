#!/usr/bin/env bash
# The statistics phase of the benchmark (docs/benchmarks.md, "Statistics"): a busy hall-year in
# the database antre_bench_stats (generated once by scripts/generate-year, kept for later runs),
# the server started on it, and every statistics view asked for a month and for a year by a small
# sequential client (curl), p50 and p99 per view. Prints the table and writes it into the
# "Statistics" section of docs/benchmarks.md (between its markers; appended the first time).
#
#   scripts/bench.d/stats.sh       (or scripts/bench --stats-only)
#
# Settings: BENCH_STATS_PORT (8189), BENCH_STATS_REPEAT (25 requests per view and range: the p99 of 25 is their slowest),
# BENCH_STATS_DAYS (365 calendar days) and BENCH_STATS_PER_DAY (2450 a working day) for the generation,
# BENCH_STATS_REGENERATE=1 drops and generates the year again, BENCH_STATS_NO_DOC=1 prints only.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh

PORT=${BENCH_STATS_PORT:-8189}
DB=antre_bench_stats
REPEAT=${BENCH_STATS_REPEAT:-25}
DAYS=${BENCH_STATS_DAYS:-365}
PER_DAY=${BENCH_STATS_PER_DAY:-2450}
export PGPASSWORD=$ANTRE_DB_PASSWORD
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$ANTRE_DB_HOST" -p "$ANTRE_DB_PORT" -U "$ANTRE_DB_USER")
WORK=$(mktemp -d /tmp/antre-bench-stats.XXXXXX)
SERVER_PID=

cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "$rc" != 0 ]; then echo "work directory kept: $WORK (server.log)" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tools
ensure_postgres
CP_FILE=queue-server/target/classpath.txt
if [ ! -f "$CP_FILE" ] || [ ! -d queue-server/target/classes ] \
   || [ -n "$(find queue-server/src/main queue-server/pom.xml pom.xml manager-client/src -newer "$CP_FILE" -print -quit 2>/dev/null)" ]; then
  log "building"
  # the build's output goes to stderr: stdout is the results table
  { mvn -B -ntp -o -q -DskipTests package || mvn -B -ntp -q -DskipTests package; } >&2
fi
cp -r queue-server/target/classes "$WORK/server-classes"

EXISTS=$("${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")
if [ -n "${BENCH_STATS_REGENERATE:-}" ] && [ -n "$EXISTS" ]; then
  "${PSQL[@]}" -d postgres -c "DROP DATABASE $DB WITH (FORCE)"
  EXISTS=
fi
[ -n "$EXISTS" ] || "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER $ANTRE_DB_USER"

PASSWORD=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
start_server() {
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/health/live"; then
    log "port $PORT is taken by another process: set BENCH_STATS_PORT"; exit 1
  fi
  : >"$WORK/server.log"
  ANTRE_DEMO=1 ANTRE_DEMO_PASSWORD=$PASSWORD ANTRE_PORT=$PORT ANTRE_DB_NAME=$DB \
    ANTRE_PUBLIC_URL=http://127.0.0.1:$PORT \
    java -cp "$WORK/server-classes:$(cat "$CP_FILE")" id.antre.server.Main >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    grep -q 'HTTP listening' "$WORK/server.log" && curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 \
      && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$WORK/server.log" >&2; log "the server did not start"; exit 1; }
    sleep 0.5
  done
  log "the server did not get ready in 120 s"; exit 1
}
log "starting the server on port $PORT (database $DB)"
start_server
TICKETS=$("${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) FROM ticket")
if [ "$TICKETS" -lt 1000 ]; then
  log "generating the last $DAYS days (working days ~$PER_DAY visits each) into $DB"
  GEN_T0=$(date +%s)
  scripts/generate-year "$DB" "$DAYS" "$PER_DAY"
  GEN_SECONDS="generated in $(( $(date +%s) - GEN_T0 )) s"
else
  GEN_SECONDS="kept from an earlier run"
fi
VOLUME=$("${PSQL[@]}" -d "$DB" -tAc "SELECT format('%s tickets, %s ticket events, %s counter events, service days %s to %s',
  to_char((SELECT count(*) FROM ticket), 'FM999,999,999'), to_char((SELECT count(*) FROM ticket_event), 'FM999,999,999'),
  to_char((SELECT count(*) FROM counter_event), 'FM999,999,999'),
  (SELECT min(service_day) FROM ticket), (SELECT max(service_day) FROM ticket))")
log "$VOLUME"

TODAY=$(TZ=Asia/Jakarta date +%F)
YEAR_FROM=$(TZ=Asia/Jakarta date -d "$TODAY -364 days" +%F)
MONTH_FROM=$(TZ=Asia/Jakarta date -d "$TODAY -29 days" +%F)

# The closed days are materialised once, by the server's catch-up at start (restarted here after a
# generation): timed apart, as it is not what a manager waits for afterwards.
stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  SERVER_PID=
}
closed_missing() {
  "${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) FROM generate_series((SELECT min(service_day) FROM ticket),
    (now() AT TIME ZONE (SELECT time_zone FROM hall))::date - 1, interval '1 day') d
    WHERE NOT EXISTS (SELECT 1 FROM stats_day s WHERE s.service_day = d::date)"
}
CATCH_T0=$(date +%s)
if [ "$(closed_missing)" -gt 0 ]; then
  log "materialising the closed days (the server's catch-up at start)"
  stop_server
  start_server
  for _ in $(seq 1 900); do [ "$(closed_missing)" -eq 0 ] && break; sleep 1; done
  [ "$(closed_missing)" -eq 0 ] || { log "the catch-up did not finish in 15 minutes"; exit 1; }
fi
CATCH_SECONDS=$(( $(date +%s) - CATCH_T0 ))
log "closed days materialised (${CATCH_SECONDS} s)"
TOKEN=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"username\":\"manager\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/v1/auth/login" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { log "sign-in failed"; exit 1; }

VIEWS=(
  "summary (hall)|/api/v1/stats/summary?groupBy=hall"
  "summary by service|/api/v1/stats/summary?groupBy=service"
  "summary by officer|/api/v1/stats/summary?groupBy=officer"
  "trend (by day)|/api/v1/stats/summary?groupBy=day"
  "compare with previous|/api/v1/stats/summary?groupBy=agency&compare=previous"
  "heatmap|/api/v1/stats/heatmap?x=1"
  "histogram|/api/v1/stats/histogram?x=1"
  "officers|/api/v1/stats/officers?x=1"
)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
measure() { # label, path, from: prints p50 and p99 in ms over $REPEAT sequential requests after 3 warm-ups
  local path="$2&from=$3&to=$TODAY" times=$WORK/times
  for _ in 1 2 3; do curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$path"; done
  : >"$times"
  for _ in $(seq 1 "$REPEAT"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$path" >>"$times"
  done
  sort -n "$times" | awk '{ v[NR] = $1 * 1000 } END {
    p50 = v[int((NR + 1) * 0.5)]; i99 = int(NR * 0.99 + 0.999); if (i99 > NR) i99 = NR;
    printf "%.0f %.0f\n", p50, v[i99] }'
}
for view in "${VIEWS[@]}"; do
  label=${view%%|*}; path=${view#*|}
  read -r m50 m99 < <(measure "$label" "$path" "$MONTH_FROM")
  read -r y50 y99 < <(measure "$label" "$path" "$YEAR_FROM")
  log "$label: month p50 $m50 ms p99 $m99 ms; year p50 $y50 ms p99 $y99 ms"
  ROWS+=("| $label | $m50 ms | $m99 ms | $y50 ms | $y99 ms |")
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

SECTION=$WORK/section.md
{
  echo "<!-- stats:begin -->"
  echo "Measured $(date -u '+%Y-%m-%d %H:%M') UTC by \`scripts/bench.d/stats.sh\` on $(nproc) cores,"
  echo "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); $(java -version 2>&1 | head -n 1)."
  echo "Data: $VOLUME; $GEN_SECONDS; closed days materialised in $CATCH_SECONDS s (the server's catch-up)."
  echo "Month = the last 30 days to today, year = the last 365; $REPEAT sequential requests per cell after 3 warm-ups,"
  echo "as a manager (the whole hall). Load average before $LOAD_BEFORE, after $LOAD_AFTER (other processes may share"
  echo "the machine)."
  echo
  echo "| view (JSON) | month p50 | month p99 (target < 200 ms) | year p50 | year p99 (target < 1 s) |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo "<!-- stats:end -->"
} >"$SECTION"
cat "$SECTION"
if [ -z "${BENCH_STATS_NO_DOC:-}" ]; then
  DOC=docs/benchmarks.md
  if grep -q '<!-- stats:begin -->' "$DOC"; then
    awk -v f="$SECTION" '/<!-- stats:begin -->/ { while ((getline l < f) > 0) print l; skip = 1; next }
      /<!-- stats:end -->/ { skip = 0; next } !skip' "$DOC" >"$WORK/doc" && cp "$WORK/doc" "$DOC"
  else
    { echo; echo "## Statistics"; echo; cat "$SECTION"; } >>"$DOC"
  fi
  log "wrote the Statistics section of $DOC"
fi
