#!/usr/bin/env bash
# bench/cluster-faults.sh: the multi-process cluster under load and faults (issue 18; docs/PERFORMANCE.md).
#
# Starts on this machine, all on 127.0.0.1: a private MariaDB (scripts/mariadb-start.sh), a Kafka-protocol broker
# in its own process (bench/KafkaMockBroker: librdkafka's mock cluster), three silo processes (src/Silo) and two
# API processes in client mode (src/WebApi, Orleans__Hosting=Client). Then bench/LoadGenerator drives STUDENTS
# students spread over both API hosts and PROCTORS proctors (also spread), and during the load, one at a time:
#   kill   kill -9 of silo 1
#   join   a fourth silo joins
#   roll   a rolling restart of every running silo (SIGTERM, wait for its exit, start it, wait until it is ready)
# and the phases before (base), between and after (after) are timed. bench/cluster-faults-report.py turns the
# generator's raw output and the phase times into the per-phase report (OUT, markdown).
#
# Bounded: the whole run is killed after LIMIT seconds, and every process it started is stopped on exit (trap).
# Usage: bench/cluster-faults.sh [OUT]   (environment: STUDENTS PROCTORS CONFIG FRAME_INTERVAL EVENT_INTERVAL
#        PHASE_SECONDS LIMIT WORK)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/bench/cluster-faults-results.md}
STUDENTS=${STUDENTS:-300}
PROCTORS=${PROCTORS:-4}
CONFIG=${CONFIG:-Release}
FRAME_INTERVAL=${FRAME_INTERVAL:-10s}
EVENT_INTERVAL=${EVENT_INTERVAL:-5s}
PHASE_SECONDS=${PHASE_SECONDS:-40}
LIMIT=${LIMIT:-1500}
WORK=${WORK:-$(mktemp -d /tmp/pw-faults.XXXXXX)}
mkdir -p "$WORK"
PARTITIONS=4
SERVICE=faults-$(date +%H%M%S)
JWT_SECRET=cluster-faults-secret-cluster-faults-secret
ADMIN_EMAIL=admin@load.test
ADMIN_PASSWORD=admin-password
TOPICS=(alerts exams bookings sessions submissions users analytics)

SILO_DLL=$ROOT/src/Silo/bin/$CONFIG/net10.0/linux-x64/ProctorWise.Silo.dll
API_DLL=$ROOT/src/WebApi/bin/$CONFIG/net10.0/linux-x64/ProctorWise.WebApi.dll
BROKER_DLL=$ROOT/bench/KafkaMockBroker/bin/$CONFIG/net10.0/linux-x64/ProctorWise.KafkaMockBroker.dll
LOAD_DLL=$ROOT/bench/LoadGenerator/bin/$CONFIG/net10.0/linux-x64/ProctorWise.LoadGenerator.dll
for dll in "$SILO_DLL" "$API_DLL" "$BROKER_DLL" "$LOAD_DLL"; do
  [ -f "$dll" ] || { echo "missing $dll: for p in src/Silo src/WebApi bench/KafkaMockBroker bench/LoadGenerator; do dotnet build -c $CONFIG \$p; done" >&2; exit 2; }
done
[ -f "$ROOT/models/face_detection_back_256x256_barracuda.onnx" ] || { echo "run scripts/fetch-models.sh first" >&2; exit 2; }

# --- bookkeeping: every process started here is listed, and stopped on exit ---------------------------------------
declare -A PIDS=()
DB_DIR=$WORK/db
stop_all() {
  local code=$?
  trap - EXIT INT TERM
  # The application first (silos drain: they need MariaDB and Kafka for it), then the broker, then the database.
  for name in "${!PIDS[@]}"; do [ "$name" = broker ] || kill -TERM "${PIDS[$name]}" 2>/dev/null || true; done
  # Whatever still runs after 30 s is killed.
  for _ in $(seq 30); do
    local alive=0
    for name in "${!PIDS[@]}"; do kill -0 "${PIDS[$name]}" 2>/dev/null && alive=1; done
    [ $alive = 1 ] || break
    sleep 1
  done
  for name in "${!PIDS[@]}"; do [ "$name" = broker ] || kill -KILL "${PIDS[$name]}" 2>/dev/null || true; done
  [ -n "${PIDS[broker]:-}" ] && { kill -TERM "${PIDS[broker]}" 2>/dev/null; sleep 1; kill -KILL "${PIDS[broker]}" 2>/dev/null; } || true
  [ -d "$DB_DIR" ] && "$ROOT/scripts/mariadb-stop.sh" "$DB_DIR" >/dev/null 2>&1 || true
  echo "stopped every process; logs and raw data in $WORK"
  exit $code
}
trap stop_all EXIT INT TERM
# The whole run is bounded: a watchdog ends it (the trap above then stops everything).
( trap 'exit 0' TERM; sleep "$LIMIT" & wait $!; echo "time limit of $LIMIT s reached" >&2; kill -TERM $$ ) & PIDS[watchdog]=$!

log() { echo "$(date -u +%H:%M:%S) $*"; }
phase() { echo "$(date +%s%3N) $1" >> "$WORK/phases"; log "phase $1"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_ready() { # url seconds
  local until=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1/health/ready"; do
    [ $SECONDS -lt "$until" ] || { log "not ready: $1"; return 1; }
    sleep 1
  done
}

# --- MariaDB, schema, broker ----------------------------------------------------------------------------------------
DB_PORT=$(free_port)
"$ROOT/scripts/mariadb-start.sh" "$DB_DIR" "$DB_PORT" > "$WORK/mariadb.log"
DB="Server=127.0.0.1;Port=$DB_PORT;Database=proctorwise;User ID=proctorwise;Password=${PROCTORWISE_DB_PASSWORD:-proctorwise-dev}"
ConnectionStrings__MariaDb=$DB dotnet "$SILO_DLL" migrate > "$WORK/migrate.log"
log "MariaDB on $DB_PORT, schema applied"

dotnet "$BROKER_DLL" "$WORK/bootstrap" "$PARTITIONS" "${TOPICS[@]/#/$SERVICE.}" > "$WORK/broker.log" 2>&1 & PIDS[broker]=$!
for _ in $(seq 60); do [ -f "$WORK/bootstrap" ] && break; sleep 1; done
BOOTSTRAP=$(cat "$WORK/bootstrap")
log "Kafka (mock, own process ${PIDS[broker]}) at $BOOTSTRAP"

# --- silos and API hosts ---------------------------------------------------------------------------------------------
common_env=(
  ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 Logging__LogLevel__Default=Warning
  ConnectionStrings__MariaDb="$DB" Orleans__ClusterId="$SERVICE" Orleans__ServiceId="$SERVICE"
  Kafka__BootstrapServers="$BOOTSTRAP" Kafka__TopicPrefix="$SERVICE." Kafka__Partitions=$PARTITIONS
)
declare -A SILO_HTTP=()
start_silo() { # n: ports are chosen once per silo number and kept across restarts
  local n=$1
  [ -n "${SILO_HTTP[$n]:-}" ] || { SILO_HTTP[$n]=$(free_port); eval "SILO_PORT_$n=$(free_port) GATEWAY_PORT_$n=$(free_port)"; }
  local silo_port gateway_port
  silo_port=$(eval echo "\$SILO_PORT_$n"); gateway_port=$(eval echo "\$GATEWAY_PORT_$n")
  env "${common_env[@]}" \
    Orleans__Endpoints__AdvertisedIPAddress=127.0.0.1 Orleans__Endpoints__SiloPort="$silo_port" \
    Orleans__Endpoints__GatewayPort="$gateway_port" Silo__HttpPort="${SILO_HTTP[$n]}" Health__PublicDetails=true \
    Orleans__Membership__ProbeTimeout=00:00:02 Orleans__Membership__NumMissedProbesLimit=2 \
    Orleans__Membership__NumVotesForDeathDeclaration=1 Orleans__Membership__TableRefreshTimeout=00:00:02 \
    Bootstrap__AdminEmail=$ADMIN_EMAIL Bootstrap__AdminPassword=$ADMIN_PASSWORD Demo__Enabled=false \
    Vision__FaceModelPath="$ROOT/models/face_detection_back_256x256_barracuda.onnx" Vision__Workers=1 \
    Evidence__Path="$WORK/evidence" Lake__Path="$WORK/lake" Mail__PickupPath="$WORK/mail" \
    Analytics__Jobs__ScheduleEnabled=false DOTNET_SHUTDOWNTIMEOUTSECONDS=60 \
    dotnet "$SILO_DLL" >> "$WORK/silo-$n.log" 2>&1 &
  PIDS[silo-$n]=$!
}
silo_url() { echo "http://127.0.0.1:${SILO_HTTP[$1]}"; }

API_PORTS=()
start_api() { # n
  local port; port=$(free_port); API_PORTS+=("$port")
  env "${common_env[@]}" Orleans__Hosting=Client ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Jwt__Secret=$JWT_SECRET LoginThrottle__MaxFailures=1000 RateLimits__CredentialsPerMinute=100000 \
    Evidence__Path="$WORK/evidence" Orleans__Dashboard__Enabled=false \
    dotnet "$API_DLL" >> "$WORK/api-$1.log" 2>&1 &
  PIDS[api-$1]=$!
}

for n in 1 2 3; do start_silo "$n"; done
for n in 1 2 3; do wait_ready "$(silo_url "$n")" 180; done
log "3 silos ready"
for n in 1 2; do start_api "$n"; done
URLS=""
for port in "${API_PORTS[@]}"; do wait_ready "http://127.0.0.1:$port" 180; URLS="$URLS${URLS:+,}http://127.0.0.1:$port"; done
log "2 API hosts ready: $URLS"
{ echo "uptime before the run: $(uptime)"; echo "nproc: $(nproc)"; } > "$WORK/machine"

# --- the load, and the faults during it ------------------------------------------------------------------------------
ROLL_ALLOWANCE=$((PHASE_SECONDS * 6))
DURATION=$((PHASE_SECONDS * 4 + ROLL_ALLOWANCE))
dotnet "$LOAD_DLL" --urls "$URLS" --students "$STUDENTS" --proctors "$PROCTORS" --duration "$DURATION" \
  --frame-interval "$FRAME_INTERVAL" --event-interval "$EVENT_INTERVAL" --drain 30 --quiet-timeout 0 --busy-retries 0 \
  --setup-parallelism 8 --raw "$WORK/raw.csv" --out "$WORK/load.md" --label "cluster under faults" \
  --app-command "bench/cluster-faults.sh (3 silo processes, 2 API hosts in client mode, MariaDB, mock Kafka)" \
  > "$WORK/load.log" 2>&1 & PIDS[load]=$!

until grep -qs "sessions started" "$WORK/load.log"; do
  kill -0 "${PIDS[load]}" 2>/dev/null || { tail -20 "$WORK/load.log" >&2; exit 1; }
  sleep 1
done
phase base
sleep "$PHASE_SECONDS"

phase kill
kill -KILL "${PIDS[silo-1]}"; unset 'PIDS[silo-1]'
sleep "$PHASE_SECONDS"

phase join
start_silo 4
wait_ready "$(silo_url 4)" 180
sleep "$PHASE_SECONDS"

phase roll
roll_end=$((SECONDS + ROLL_ALLOWANCE))
for n in 2 3 4; do
  kill -TERM "${PIDS[silo-$n]}"
  wait "${PIDS[silo-$n]}" 2>/dev/null || true
  log "silo $n stopped"
  start_silo "$n"
  wait_ready "$(silo_url "$n")" 180
  log "silo $n ready again"
done
[ $SECONDS -lt $roll_end ] || log "the rolling restart took longer than its allowance; the after phase is short"

phase after
wait "${PIDS[load]}" || true
unset 'PIDS[load]'
phase end
{ echo "uptime after the run: $(uptime)"; } >> "$WORK/machine"

python3 "$ROOT/bench/cluster-faults-report.py" "$WORK" "$PROCTORS" > "$OUT"
log "report: $OUT"
cat "$OUT"
