#!/usr/bin/env bash
# db-backup.sh [backup-dir]   (default: $BACKUP_DIR or ./backups)
# A consistent online backup of the ProctorWise database (grain state, membership, reminders):
# mariadb-dump --single-transaction (InnoDB snapshot, no table locks, the cluster keeps running),
# gzip-compressed, checked, then old backups are pruned: files older than RETENTION_DAYS (14) go,
# but the KEEP_MIN (7) newest are always kept. Reads ConnectionStrings__MariaDb.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=db-common.sh
source ./db-common.sh

DEST="${1:-${BACKUP_DIR:-./backups}}"
RETENTION_DAYS="${RETENTION_DAYS:-14}"
KEEP_MIN="${KEEP_MIN:-7}"
mkdir -p "$DEST"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$DEST/proctorwise-$DB_NAME-$STAMP.sql.gz"
PARTIAL="$OUT.partial"

mariadb-dump --defaults-extra-file="$DB_OPTIONS" --single-transaction --quick --hex-blob \
  --routines --triggers --events --no-tablespaces --databases "$DB_NAME" | gzip -c >"$PARTIAL"

# A dump that stopped half-way has no completion marker: never keep it as a backup.
gzip -t "$PARTIAL" || die "the compressed dump is corrupt"
gzip -dc "$PARTIAL" | tail -n 1 | grep -q "Dump completed" || die "the dump did not complete"
mv "$PARTIAL" "$OUT"
echo "db-backup.sh: wrote $OUT ($(du -h "$OUT" | cut -f1))"

# Retention: newest first; keep KEEP_MIN whatever their age, drop the older ones past RETENTION_DAYS.
mapfile -t backups < <(ls -1t "$DEST"/proctorwise-"$DB_NAME"-*.sql.gz 2>/dev/null)
for ((i = KEEP_MIN; i < ${#backups[@]}; i++)); do
  if [ -n "$(find "${backups[$i]}" -mtime +"$RETENTION_DAYS" -print)" ]; then
    rm -f -- "${backups[$i]}"
    echo "db-backup.sh: removed ${backups[$i]} (older than $RETENTION_DAYS days)"
  fi
done
