#!/usr/bin/env bash
# Restarts PostgreSQL under a running portal while pipelines call it, then checks what the portal
# promises: calls made while the database is down answer 503 (never 200), the portal answers again
# by itself once the database is back, and every write it acknowledged (2xx) is in the database.
#
# Run it against a deployment you may disturb (not a shared database), e.g. the docker compose stack:
#
#   SHIPSHAPE_URL=http://localhost:8080 SHIPSHAPE_USER=admin SHIPSHAPE_PASSWORD=... \
#   DB_STOP='docker compose stop postgres' DB_START='docker compose start postgres' \
#   PSQL='docker compose exec -T postgres psql -U shipshape -d shipshape' \
#   scripts/db-restart-under-load.sh
#
# or a Debian cluster of its own: DB_STOP='pg_ctlcluster 15 main stop' DB_START='pg_ctlcluster 15 main start'
# PSQL='psql -h localhost -U shipshape -d shipshape'. The user must be an administrator (it creates the
# team and service restart-probe). OUTAGE (seconds, default 12) is how long the database stays down.
set -euo pipefail

: "${SHIPSHAPE_URL:?the portal, e.g. http://localhost:8080}"
: "${SHIPSHAPE_USER:?an administrator}"
: "${SHIPSHAPE_PASSWORD:?its password}"
: "${DB_STOP:?command that stops PostgreSQL}"
: "${DB_START:?command that starts PostgreSQL}"
: "${PSQL:?psql command connected to the portal database}"
OUTAGE=${OUTAGE:-12}
SERVICE=restart-probe

work=$(mktemp -d)
calls=$work/calls
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

now() { date +%s%3N; }

# api METHOD PATH [JSON] -> prints the status; the body goes to $body (default: discarded)
api() {
	local code
	code=$(curl -s -o "${body:-/dev/null}" -w '%{http_code}' --max-time 30 -u "$SHIPSHAPE_USER:$SHIPSHAPE_PASSWORD" \
		-X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$SHIPSHAPE_URL$2") || true
	echo "${code:-000}"
}

# call KIND KEY METHOD PATH [JSON]: one pipeline call, logged as "kind key started ended status"
call() {
	local started status body=$work/body.$BASHPID key=$2
	started=$(now)
	status=$(api "$3" "$4" "${5:-}")
	if [ "$1" = gate ] && [ "$status" = 200 ]; then
		key=$(grep -o '"id":[0-9]*' "$body" | head -n 1 | cut -d: -f2)
	fi
	echo "$1 ${key:--} $started $(now) $status" >>"$calls"
}

pipeline() {
	local kind=$1 n=0
	while [ ! -e "$work/stop" ]; do
		n=$((n + 1))
		case $kind in
			gate) call gate - POST "/api/v1/services/$SERVICE/releases/1.0.0/gate" ;;
			release) call release "load-$BASHPID-$n" POST "/api/v1/services/$SERVICE/releases" "{\"version\": \"load-$BASHPID-$n\"}" ;;
			facts) call facts "load_${BASHPID}_$n" PATCH "/api/v1/services/$SERVICE/facts" "{\"load_${BASHPID}_$n\": $n}" ;;
		esac
	done
}

echo "Preparing the team and service $SERVICE and release 1.0.0"
api POST /api/v1/teams '{"name": "restart-probe-team"}' >/dev/null
api POST /api/v1/services "{\"name\": \"$SERVICE\", \"owner\": \"restart-probe-team\", \"lifecycle\": \"experimental\"}" >/dev/null
api POST "/api/v1/services/$SERVICE/releases" '{"version": "1.0.0"}' >/dev/null
status=$(api POST "/api/v1/services/$SERVICE/releases/1.0.0/gate")
case $status in 200 | 409) ;; *) echo "The gate does not answer ($status): is the portal up?" >&2; exit 1 ;; esac

for kind in gate release facts; do pipeline $kind & done
sleep 3
echo "Stopping PostgreSQL for ${OUTAGE}s"
stopping=$(now)
eval "$DB_STOP"
down=$(now)
sleep "$OUTAGE"
up=$(now)
eval "$DB_START"
echo "PostgreSQL is back; waiting for the portal to answer the gate again"
back=""
for _ in $(seq 60); do
	status=$(api POST "/api/v1/services/$SERVICE/releases/1.0.0/gate")
	if [ "$status" = 200 ] || [ "$status" = 409 ]; then back=$(now); break; fi
	sleep 1
done
sleep 3
touch "$work/stop"
wait

failed=0
fail() { echo "FAIL: $*"; failed=1; }
[ -n "$back" ] && echo "The portal answered again $(((back - up) / 1000))s after PostgreSQL started" \
	|| fail "the portal did not answer the gate within 60s of PostgreSQL starting"

during=$(awk -v d="$down" -v u="$up" '$3 >= d && $4 <= u' "$calls")
[ -n "$during" ] || fail "no call was made and answered while PostgreSQL was down (raise OUTAGE)"
echo "$during" | awk 'NF && $5 != 503 { print "FAIL: while down, " $0; bad = 1 } END { exit bad }' || failed=1
awk -v s="$stopping" -v d="$down" '
	($4 <= s || $3 >= d) && $5 !~ /^(200|201|409|503)$/ { print "FAIL: unexpected answer: " $0; bad = 1 }
	$3 < d && $4 > s && $5 !~ /^(200|201|409|503)$/ { print "WARN: cut off while PostgreSQL stopped: " $0 }
	END { exit bad }' "$calls" || failed=1

# Every acknowledged write, looked up in the database itself.
sql() { $PSQL -At -c "$1"; }
sql "SELECT version FROM releases WHERE service_key = '$SERVICE'" | sort >"$work/releases"
sql "SELECT f.name FROM service_facts f JOIN services s ON s.id = f.service_id WHERE s.name = '$SERVICE'" | sort >"$work/facts"
sql "SELECT d.id FROM readiness_decisions d JOIN releases r ON r.id = d.release_id
	WHERE r.service_key = '$SERVICE'" | sort >"$work/decisions"
awk '$5 == 201 && $1 == "release" { print $2 }' "$calls" | sort >"$work/ack.releases"
awk '$5 == 200 && $1 == "facts" { print $2 }' "$calls" | sort >"$work/ack.facts"
awk '$5 == 200 && $1 == "gate" { print $2 }' "$calls" | sort >"$work/ack.decisions"
for kind in releases facts decisions; do
	missing=$(comm -23 "$work/ack.$kind" "$work/$kind")
	[ -z "$missing" ] || fail "acknowledged $kind missing from the database: $(echo $missing)"
done

awk '{ n[$1 " " $5]++ } END { for (k in n) print "  " k ": " n[k] }' "$calls" | sort
echo "  acknowledged: $(cat "$work"/ack.* | wc -l) writes, all checked in the database"
[ "$failed" = 0 ] && echo "PASS" || { echo "FAILED"; exit 1; }
