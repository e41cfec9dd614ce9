#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1 for the tests and prints the connection string.
# Usage: source .ci/postgres.sh   (sets INDGANG_TEST_POSTGRES and a trap that stops the server)
set -euo pipefail

PG_PORT="${PG_PORT:-55432}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi

PG_DATA="$(mktemp -d /tmp/indgang-pg.XXXXXX)"
chown postgres:postgres "$PG_DATA"
chmod 700 "$PG_DATA"
# PostgreSQL refuses to run as root: run it as the postgres user, on loopback only.
su postgres -s /bin/bash -c "'$PG_BIN/initdb' -D '$PG_DATA' -U postgres --auth=trust -E UTF8 --no-locale" >/dev/null
su postgres -s /bin/bash -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -l '$PG_DATA/server.log' -w -t 60 \
  -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null

stop_postgres() {
  su postgres -s /bin/bash -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DATA"
}
trap stop_postgres EXIT

export INDGANG_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=unused;Pooling=true"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PG_PORT (data in $PG_DATA)"
