# Starts and stops a real PostgreSQL server in a temporary directory on a free loopback port.
# Source this file; call pg_start, pg_stop on exit. Needs PYTHON.
#   pg_start   installs Debian's postgresql when initdb is missing, initdb + pg_ctl start, creates the database
#              cairn_test and exports CAIRN_TEST_POSTGRES_URL=postgres://cairn:<password>@127.0.0.1:<port>/cairn_test,
#              PG_BIN (the server's binaries), PG_DATA (its data directory, with the port and socket settings in its
#              postgresql.conf) and PG_LOG (its log). The server takes TLS with a self-signed certificate for
#              127.0.0.1, whose file is exported as CAIRN_TEST_POSTGRES_CA (the root a verify-full client trusts).
#   pg_stop    stops it (fast shutdown) and removes its directory; safe to call twice
# initdb refuses to run as root: as root the server runs as the `postgres` user the Debian package creates.

pg_bin_dir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
    command -v initdb >/dev/null 2>&1 && dirname "$(readlink -f "$(command -v initdb)")"
}

# Runs a command as the server's owner (postgres when we are root).
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_start() {
    PG_BIN="$(pg_bin_dir || true)"
    if [ -z "$PG_BIN" ]; then
        echo "installing Debian's postgresql (initdb not found)"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql
        PG_BIN="$(pg_bin_dir)"
    fi
    local root port password
    root="$(mktemp -d "${TMPDIR:-/tmp}/cairn-postgres.XXXXXX")"
    PG_ROOT="$root"
    PG_DATA="$root/data"
    password="$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')"
    printf '%s\n' "$password" > "$root/pwfile"
    [ "$(id -u)" -eq 0 ] && chown -R postgres "$root"
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U cairn --pwfile="$root/pwfile" --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 || {
        echo "initdb failed:" >&2; tail -20 "$root/initdb.log" >&2; return 1; }
    # a self-signed certificate for 127.0.0.1: clients may encrypt (sslmode prefer/require) or verify it (verify-full)
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
        -keyout "$root/server.key" -out "$root/server.crt" >"$root/openssl.log" 2>&1 || {
        echo "openssl could not make the server certificate:" >&2; tail -5 "$root/openssl.log" >&2; return 1; }
    cp "$root/server.crt" "$root/ca.crt"
    chmod 600 "$root/server.key"
    [ "$(id -u)" -eq 0 ] && chown postgres "$root/server.key" "$root/server.crt"
    port="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    # Settings go into the data directory, so a plain `pg_ctl start` (the replica tests restart it) reuses them.
    pg_as_owner sh -c "cat >> '$PG_DATA/postgresql.conf'" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$root'
max_connections = 300
ssl = on
ssl_cert_file = '$root/server.crt'
ssl_key_file = '$root/server.key'
CONF
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$root/server.log" -w -t 60 start >/dev/null || {
        echo "PostgreSQL did not start:" >&2; tail -20 "$root/server.log" >&2; return 1; }
    PG_PORT="$port"
    pg_as_owner "$PG_BIN/psql" -h "$root" -p "$port" -U cairn -d postgres -qc "CREATE DATABASE cairn_test" >/dev/null
    export CAIRN_TEST_POSTGRES_URL="postgres://cairn:$password@127.0.0.1:$port/cairn_test"
    export CAIRN_TEST_POSTGRES_CA="$root/ca.crt"
    PG_LOG="$root/server.log"
    export PG_BIN PG_DATA PG_PORT PG_LOG
    echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $PG_DATA)"
}

pg_stop() {
    [ -n "${PG_ROOT:-}" ] || return 0
    [ -f "$PG_DATA/postmaster.pid" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1
    rm -rf "$PG_ROOT"
    PG_ROOT=""
    return 0
}
