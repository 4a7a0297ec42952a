#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh <command...>
# Starts a throwaway PostgreSQL server on a loopback port in a temp dir, exports
# HOMEWARD_PG_URL, runs the command, then stops the server and removes the dir.
# Also exports HOMEWARD_PG_RESTART: a command that restarts that server (the
# connection-loss tests use it; it is unset when an outside server is used).
# If HOMEWARD_PG_URL is already set, just runs the command against that server.
set -euo pipefail
if [ -n "${HOMEWARD_PG_URL:-}" ]; then exec "$@"; fi
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (Debian: apt-get install postgresql)" >&2
  exit 1
fi
DIR=$(mktemp -d /tmp/homeward-pg.XXXXXX)
PORT=${HOMEWARD_PG_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
RUN=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$DIR" postgres
  chown -R postgres "$DIR"
  RUN=(runuser -u postgres --)
fi
"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -A trust -U homeward -E UTF8 >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-k $DIR -p $PORT -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
cleanup() {
  "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
export HOMEWARD_PG_URL="postgres://homeward@127.0.0.1:$PORT/postgres"
export HOMEWARD_PG_RESTART="${RUN[*]} $BIN/pg_ctl -D $DIR/data -l $DIR/log -w -m fast restart"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2
"$@"
