#!/usr/bin/env bash
# A throwaway PostgreSQL for the integration tests: installs Debian's postgresql when initdb and
# pg_ctl are missing, starts a cluster on 127.0.0.1 on a free port in a temporary folder, creates
# a database and exports TEST_DATABASE_URL. Source it, then call start_test_postgres; the cluster
# is stopped and removed on exit. Runs as root (the cluster as the postgres user) or as any user.

find_pg_bindir() {
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		dirname "$(readlink -f "$(command -v pg_ctl)")"
		return
	fi
	local dir found=""
	for dir in /usr/lib/postgresql/*/bin; do
		[ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && found="$dir"
	done
	[ -n "$found" ] && echo "$found"
}

# run a PostgreSQL program as the cluster's owner (initdb refuses to run as root)
as_pg_owner() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_test_postgres() {
	if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ]; then
		as_pg_owner "$PG_BINDIR/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
		rm -rf "$PG_TMP"
	fi
}

start_test_postgres() {
	PG_BINDIR="$(find_pg_bindir || true)"
	if [ -z "$PG_BINDIR" ]; then
		echo "Installing Debian's postgresql for the integration tests..."
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
		PG_BINDIR="$(find_pg_bindir)"
	fi
	if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
		useradd --system --no-create-home --shell /usr/sbin/nologin postgres
	fi

	local port
	port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
	PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/rebuttal-lab-pg.XXXXXX")"
	trap stop_test_postgres EXIT
	chmod 755 "$PG_TMP"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$PG_TMP"

	as_pg_owner "$PG_BINDIR/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --no-sync \
		>"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log"; return 1; }
	as_pg_owner "$PG_BINDIR/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 start \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off" >/dev/null ||
		{ cat "$PG_TMP/server.log"; return 1; }
	as_pg_owner "$PG_BINDIR/createdb" -h 127.0.0.1 -p "$port" -U postgres rebuttal_lab_test
	export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/rebuttal_lab_test"
	echo "PostgreSQL $("$PG_BINDIR/pg_ctl" --version | awk '{print $3}') for the integration tests at $TEST_DATABASE_URL"
}
