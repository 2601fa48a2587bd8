#!/usr/bin/env bash
# db-restore.sh <backup.sql.gz> --yes
# Restores a db-backup.sh dump into the database of ConnectionStrings__MariaDb, replacing its tables.
# Stop every silo first: a running cluster would keep writing state over the restored rows.
set -euo pipefail
cd "$(dirname "$0")"
BACKUP="${1:-}"
[ -n "$BACKUP" ] && [ -f "$BACKUP" ] || { echo "usage: $0 <backup.sql.gz> --yes" >&2; exit 2; }
[ "${2:-}" = "--yes" ] || { echo "db-restore.sh: this replaces the database's tables; stop the silos and re-run with --yes" >&2; exit 2; }
BACKUP="$(realpath "$BACKUP")"
# shellcheck source=db-common.sh
source ./db-common.sh

gzip -t "$BACKUP" || die "$BACKUP is not a valid gzip file"
# The dump was taken with --databases: it recreates its own database name; restore into the configured one.
gzip -dc "$BACKUP" | sed -e '/^CREATE DATABASE /d' -e '/^USE `/d' | mariadb --defaults-extra-file="$DB_OPTIONS" "$DB_NAME"
echo "db-restore.sh: restored $BACKUP into $DB_NAME"
