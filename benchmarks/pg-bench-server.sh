#!/usr/bin/env bash
# Starts a private, durable PostgreSQL server for PostgresStoreBenchmarks (fsync, synchronous_commit and
# full_page_writes on, as in production) on a free loopback port, creates database "bench" and prints the
# connection string to export as ECOMON_BENCH_PG. Stop it with: pg_ctl -D <dir>/data -m fast stop (as postgres).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/ecomon-pg-bench-XXXXXX)
port=${PORT:-55432}
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; as_pg=(runuser -u postgres --); fi
"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start -o \
  "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB -c wal_compression=on -c checkpoint_timeout=15min" >/dev/null
"${as_pg[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE bench;"
echo "export ECOMON_BENCH_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=bench'"
echo "# data directory: $dir/data"
