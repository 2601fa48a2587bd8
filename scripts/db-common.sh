# Shared by db-backup.sh and db-restore.sh: turns ConnectionStrings__MariaDb (the application's own
# setting) into a private client option file, so the password never appears on a command line.
# shellcheck shell=bash

die() { echo "$(basename "$0"): ERROR: $*" >&2; exit 1; }

: "${ConnectionStrings__MariaDb:?set ConnectionStrings__MariaDb (Server=…;Port=…;Database=…;User ID=…;Password=…)}"

DB_HOST=127.0.0.1 DB_PORT=3306 DB_NAME= DB_USER= DB_PASSWORD=
IFS=';' read -r -a _parts <<<"$ConnectionStrings__MariaDb"
for _part in "${_parts[@]}"; do
  _key="$(echo "${_part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"
  _value="${_part#*=}"
  case "$_key" in
    server|host|datasource|address) DB_HOST="$_value" ;;
    port) DB_PORT="$_value" ;;
    database|initialcatalog) DB_NAME="$_value" ;;
    userid|uid|user|username) DB_USER="$_value" ;;
    password|pwd) DB_PASSWORD="$_value" ;;
  esac
done
[ -n "$DB_NAME" ] || die "the connection string names no Database"
[ -n "$DB_USER" ] || die "the connection string names no User ID"

DB_OPTIONS="$(mktemp)"
chmod 600 "$DB_OPTIONS"
trap 'rm -f "$DB_OPTIONS"' EXIT
printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword="%s"\nprotocol=tcp\n' \
  "$DB_HOST" "$DB_PORT" "$DB_USER" "${DB_PASSWORD//\"/\\\"}" >"$DB_OPTIONS"
