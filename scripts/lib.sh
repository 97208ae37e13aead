# Shared by scripts/start, scripts/test and scripts/bench: make sure what Antre needs is
# installed and running on this machine. Idempotent; safe to run again.

ANTRE_DB_HOST=${ANTRE_DB_HOST:-127.0.0.1}
ANTRE_DB_PORT=${ANTRE_DB_PORT:-5432}
ANTRE_DB_USER=${ANTRE_DB_USER:-antre}
ANTRE_DB_PASSWORD=${ANTRE_DB_PASSWORD:-antre}
ANTRE_DB_NAME=${ANTRE_DB_NAME:-antre}
export ANTRE_DB_HOST ANTRE_DB_PORT ANTRE_DB_USER ANTRE_DB_PASSWORD ANTRE_DB_NAME

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# This machine's address on the local network (the source address of its default route, else
# the first address hostname -I lists); nothing when it has only loopback.
lan_address() {
  local a
  a=$(ip -4 route get 1.1.1.1 2>/dev/null | awk '{for (i = 1; i < NF; i++) if ($i == "src") { print $(i + 1); exit }}')
  if [ -z "$a" ]; then
    a=$(hostname -I 2>/dev/null | awk '{print $1}')
  fi
  case "$a" in
    '' | 127.*) return 1 ;;
  esac
  printf '%s\n' "$a"
}

# The base URL printed tickets' QR codes carry (port $1): ANTRE_PUBLIC_URL when it is set, else
# the LAN address, which phones on the hall's network reach; fails when there is neither.
public_url() {
  if [ -n "${ANTRE_PUBLIC_URL:-}" ]; then
    printf '%s\n' "$ANTRE_PUBLIC_URL"
    return
  fi
  local lan
  lan=$(lan_address) || return 1
  printf 'http://%s:%s\n' "$lan" "$1"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_tools() {
  command -v java >/dev/null || { log "installing a JDK"; apt_install openjdk-17-jdk-headless; }
  command -v mvn >/dev/null || { log "installing Maven"; apt_install maven; }
}

pg_cluster() {
  # the newest installed cluster: "15 main"
  pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | sort -V | tail -n 1
}

# The cluster that listens on a port ("15 main" for 5432), empty when none does.
pg_cluster_on() {
  pg_lsclusters -h 2>/dev/null | awk -v port="$1" '$3 == port {print $1, $2}' | head -n 1
}

# psql as the postgres superuser over the local socket of this machine's cluster on port $1 (the
# rest are psql's arguments); fails when no local cluster listens there.
pg_superuser_psql() {
  local port=$1; shift
  [ -n "$(pg_cluster_on "$port")" ] || return 1
  as_root runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"
}

# Creates (or updates) the login role and its database on the PostgreSQL at host $1, port $2.
# psql runs as the postgres superuser over the local socket of the cluster on that port when
# this machine has one, otherwise over TCP to the host (PGPASSWORD etc. from the caller).
ensure_role_and_database() {
  local host=$1 port=$2
  local target=(-p "$port")
  case "$host" in
    127.0.0.1|localhost|::1) ;;
    *) target=(-h "$host" -p "$port") ;;
  esac
  local psql=(psql -q -v ON_ERROR_STOP=1 "${target[@]}" -d postgres)
  if [ -n "$(pg_cluster_on "$port")" ] && [ "${#target[@]}" = 2 ]; then
    psql=(as_root runuser -u postgres -- "${psql[@]}")
  fi
  "${psql[@]}" >/dev/null <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', '$ANTRE_DB_USER', '$ANTRE_DB_PASSWORD')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ANTRE_DB_USER')\gexec
ALTER ROLE "$ANTRE_DB_USER" LOGIN CREATEDB PASSWORD '$ANTRE_DB_PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', '$ANTRE_DB_NAME', '$ANTRE_DB_USER')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$ANTRE_DB_NAME')\gexec
SQL
}

wait_for_postgres() {
  local host=$1 port=$2
  for _ in $(seq 1 30); do
    pg_isready -q -h "$host" -p "$port" && return 0
    sleep 0.5
  done
  pg_isready -q -h "$host" -p "$port" || { log "PostgreSQL does not answer on $host:$port"; return 1; }
}

# PostgreSQL at ANTRE_DB_HOST:ANTRE_DB_PORT with the antre role and database. A cluster of this
# machine on that port is started if it is down; a remote server must already run.
ensure_postgres() {
  if ! command -v pg_lsclusters >/dev/null || [ -z "$(pg_cluster)" ]; then
    log "installing PostgreSQL"
    apt_install postgresql postgresql-contrib
  fi
  local cluster
  cluster=$(pg_cluster_on "$ANTRE_DB_PORT")
  if [ -n "$cluster" ] && ! pg_lsclusters -h | awk -v port="$ANTRE_DB_PORT" '$3 == port && $4 == "online"' | grep -q .; then
    log "starting PostgreSQL $cluster"
    as_root pg_ctlcluster $cluster start
  fi
  wait_for_postgres "$ANTRE_DB_HOST" "$ANTRE_DB_PORT" || return 1
  ensure_role_and_database "$ANTRE_DB_HOST" "$ANTRE_DB_PORT"
}

# The fault tests' own PostgreSQL cluster ("faults", port ANTRE_FAULT_DB_PORT, default 5433):
# they stop, kill and freeze it, so the main cluster is never touched. Created once, started if
# down, with the same role and database as the main one. Idempotent.
ANTRE_FAULT_DB_PORT=${ANTRE_FAULT_DB_PORT:-5433}
export ANTRE_FAULT_DB_PORT
ensure_fault_postgres() {
  if ! command -v pg_lsclusters >/dev/null || [ -z "$(pg_cluster)" ]; then
    log "installing PostgreSQL"
    apt_install postgresql postgresql-contrib
  fi
  local version
  version=$(pg_cluster | awk '{print $1}')
  if ! pg_lsclusters -h | awk '$2 == "faults"' | grep -q .; then
    log "creating the PostgreSQL cluster for fault tests on port $ANTRE_FAULT_DB_PORT"
    as_root pg_createcluster "$version" faults --port "$ANTRE_FAULT_DB_PORT" >/dev/null
  fi
  if ! pg_lsclusters -h | awk '$2 == "faults" && $4 == "online"' | grep -q .; then
    as_root pg_ctlcluster "$version" faults start
  fi
  wait_for_postgres 127.0.0.1 "$ANTRE_FAULT_DB_PORT" || return 1
  ensure_role_and_database 127.0.0.1 "$ANTRE_FAULT_DB_PORT"
}

ensure_socat() {
  command -v socat >/dev/null || { log "installing socat"; apt_install socat; }
}

ensure_chromium() {
  { command -v chromium >/dev/null && command -v chromedriver >/dev/null; } \
    || { log "installing Chromium and ChromeDriver"; apt_install chromium chromium-driver; }
}

# HAProxy: the reverse proxy that keeps pages on a surviving node of a cluster (docs/deployment.md).
ensure_haproxy() {
  command -v haproxy >/dev/null || { log "installing HAProxy"; apt_install haproxy; }
}

ensure_fonts() {
  fc-list 2>/dev/null | grep -qi "dejavu" || { log "installing fonts"; apt_install fonts-dejavu-core fontconfig; }
}
