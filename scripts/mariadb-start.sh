#!/usr/bin/env bash
# mariadb-start.sh <datadir> <port>
#
# ProctorWise dev/test helper (written for this project). Starts a private MariaDB
# (Debian 12 package, 10.11) without systemd:
#   * initialises <datadir>/data with mariadb-install-db on first use,
#   * runs mariadbd in the background on 127.0.0.1:<port>, socket <datadir>/mariadb.sock,
#   * waits until the server answers,
#   * creates database `proctorwise` and user `proctorwise` (password from
#     $PROCTORWISE_DB_PASSWORD, default "proctorwise-dev") with all privileges on it.
# Idempotent: re-running against a running server only re-applies database/user/password.
#
# Environment:
#   PROCTORWISE_DB_PASSWORD  password for the proctorwise user (default proctorwise-dev)
#   PROCTORWISE_DB_NAME      database name   (default proctorwise)
#   PROCTORWISE_DB_USER      user name       (default proctorwise)
#   MARIADB_START_TIMEOUT    seconds to wait for the server (default 60)
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <datadir> <port>" >&2
  exit 2
fi

DATADIR=$(realpath -m "$1")
PORT=$2
case "$PORT" in (''|*[!0-9]*) echo "port must be numeric: $PORT" >&2; exit 2;; esac

DB_NAME=${PROCTORWISE_DB_NAME:-proctorwise}
DB_USER=${PROCTORWISE_DB_USER:-proctorwise}
DB_PASSWORD=${PROCTORWISE_DB_PASSWORD:-proctorwise-dev}
TIMEOUT=${MARIADB_START_TIMEOUT:-60}

DATA="$DATADIR/data"
SOCK="$DATADIR/mariadb.sock"
PIDFILE="$DATADIR/mariadb.pid"
ERRLOG="$DATADIR/mariadb.err"
PORTFILE="$DATADIR/port"

# unix socket paths are limited to ~107 bytes
if [ ${#SOCK} -gt 100 ]; then
  echo "datadir path too long for a unix socket: $SOCK" >&2
  exit 2
fi

for bin in mariadbd mariadb-install-db mariadb mariadb-admin; do
  if ! command -v "$bin" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$bin" ]; then
    echo "$bin not found: install MariaDB first (apt-get install -y mariadb-server mariadb-client)" >&2
    exit 1
  fi
done
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)

mkdir -p "$DATADIR"

client() { mariadb --no-defaults --protocol=socket -S "$SOCK" -uroot "$@"; }
is_up() { mariadb-admin --no-defaults --protocol=socket -S "$SOCK" -uroot --connect-timeout=2 ping >/dev/null 2>&1; }
running_pid() {
  if [ -s "$PIDFILE" ]; then
    local pid; pid=$(cat "$PIDFILE")
    if kill -0 "$pid" 2>/dev/null; then echo "$pid"; return 0; fi
  fi
  return 1
}

# 1. initialise the data directory once
if [ ! -d "$DATA/mysql" ]; then
  echo "initialising $DATA"
  mkdir -p "$DATA"
  mariadb-install-db --no-defaults --user=root --datadir="$DATA" \
    --auth-root-authentication-method=socket --skip-test-db \
    >"$DATADIR/install.log" 2>&1 || { cat "$DATADIR/install.log" >&2; exit 1; }
fi

# 2. start the server unless it already runs for this datadir
if pid=$(running_pid) && is_up; then
  echo "mariadbd already running (pid $pid, port $(cat "$PORTFILE" 2>/dev/null || echo '?'))"
  if [ "$(cat "$PORTFILE" 2>/dev/null)" != "$PORT" ]; then
    echo "warning: it listens on port $(cat "$PORTFILE" 2>/dev/null), not $PORT; run scripts/mariadb-stop.sh first to change it" >&2
  fi
else
  rm -f "$SOCK" "$SOCK.lock" "$PIDFILE"
  echo "starting mariadbd on 127.0.0.1:$PORT (datadir $DATA)"
  # --no-defaults: never read /etc/mysql/*, so the system instance's paths are not used.
  setsid nohup "$MARIADBD" --no-defaults --user=root \
    --datadir="$DATA" --socket="$SOCK" --pid-file="$PIDFILE" --log-error="$ERRLOG" \
    --port="$PORT" --bind-address=127.0.0.1 --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --default-time-zone=+00:00 \
    --innodb-buffer-pool-size=128M --max-allowed-packet=64M \
    --max-connections=300 \
    </dev/null >"$DATADIR/mariadbd.out" 2>&1 &
  echo "$PORT" > "$PORTFILE"
  waited=0
  until is_up; do
    if [ $waited -ge $((TIMEOUT * 2)) ]; then
      echo "mariadbd did not answer within ${TIMEOUT}s; log:" >&2
      tail -n 40 "$ERRLOG" >&2 || true
      exit 1
    fi
    if ! running_pid >/dev/null && [ $waited -gt 10 ]; then
      echo "mariadbd exited; log:" >&2
      tail -n 40 "$ERRLOG" >&2 || true
      exit 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  echo "mariadbd up (pid $(cat "$PIDFILE"))"
fi

# 3. database + user (idempotent; password is re-applied every time)
sql_escape() { printf "%s" "$1" | sed -e 's/\\/\\\\/g' -e "s/'/''/g"; }
PW_SQL=$(sql_escape "$DB_PASSWORD")
client <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'%' IDENTIFIED BY '$PW_SQL';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$PW_SQL';
ALTER USER '$DB_USER'@'%' IDENTIFIED BY '$PW_SQL';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$PW_SQL';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'%';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL

echo "ready: Server=127.0.0.1;Port=$PORT;Database=$DB_NAME;User ID=$DB_USER;Password=***  (socket $SOCK)"
