#!/usr/bin/env bash
# mariadb-stop.sh <datadir>
#
# ProctorWise dev/test helper (written for this project). Stops the private mariadbd
# started by mariadb-start.sh for <datadir>. Idempotent: exits 0 when nothing runs.
# The data directory is kept (delete it yourself for a clean slate).
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 <datadir>" >&2
  exit 2
fi

DATADIR=$(realpath -m "$1")
SOCK="$DATADIR/mariadb.sock"
PIDFILE="$DATADIR/mariadb.pid"
TIMEOUT=${MARIADB_STOP_TIMEOUT:-60}

if [ ! -s "$PIDFILE" ]; then
  echo "not running (no pid file in $DATADIR)"
  exit 0
fi
PID=$(cat "$PIDFILE")
if ! kill -0 "$PID" 2>/dev/null; then
  echo "not running (stale pid file, pid $PID)"
  rm -f "$PIDFILE"
  exit 0
fi
# make sure the pid really is our mariadbd before signalling it
if [ -r "/proc/$PID/cmdline" ] && ! tr '\0' ' ' <"/proc/$PID/cmdline" | grep -q -- "--datadir=$DATADIR/data"; then
  echo "pid $PID is not the mariadbd of $DATADIR; refusing to stop it" >&2
  exit 1
fi

echo "stopping mariadbd (pid $PID)"
if ! mariadb-admin --no-defaults --protocol=socket -S "$SOCK" -uroot shutdown >/dev/null 2>&1; then
  kill -TERM "$PID" 2>/dev/null || true
fi

waited=0
while kill -0 "$PID" 2>/dev/null; do
  if [ $waited -ge $((TIMEOUT * 2)) ]; then
    echo "mariadbd did not stop within ${TIMEOUT}s; sending SIGKILL" >&2
    kill -KILL "$PID" 2>/dev/null || true
    sleep 1
    break
  fi
  sleep 0.5; waited=$((waited + 1))
done
rm -f "$PIDFILE"
echo "stopped"
