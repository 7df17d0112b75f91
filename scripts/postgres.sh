#!/usr/bin/env bash
# Throwaway PostgreSQL server for the integration tests, without Docker.
#
#   scripts/postgres.sh start DIR   Installs PostgreSQL from Debian's packages if its server binaries are missing
#                                   (needs root and apt-get), creates a new cluster in DIR, starts it on a free TCP
#                                   port of 127.0.0.1 only, creates the login role `popculture` (allowed to create
#                                   databases) and its database `popculture_test`, then prints exactly one line to
#                                   stdout: the Npgsql connection string. Everything else goes to stderr.
#                                   Running it again on the same DIR prints the same cluster's connection string
#                                   (starting it again if it was stopped).
#   scripts/postgres.sh stop DIR    Stops that cluster (fast shutdown) and deletes DIR. Nothing to do if DIR is gone.
#
# As root the server runs as the `postgres` system user (initdb and postgres refuse to run as root): DIR itself stays
# root's with mode 755, so every folder above it must be traversable by that user (mktemp -d under /tmp is fine); its
# subfolders data/, run/ (the unix socket) and log/ belong to `postgres`. As any other user the server runs as that user.
set -euo pipefail

readonly ROLE=popculture
readonly DATABASE=popculture_test
readonly MARKER=.popculture-postgres   # marks a DIR this script created, so `stop` never deletes anything else

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: scripts/postgres.sh start DIR   create and start a throwaway cluster in DIR, print its connection string
       scripts/postgres.sh stop DIR    stop that cluster and delete DIR
EOF
    exit 2
}

# The newest /usr/lib/postgresql/<ver>/bin holding every program needed (or that of version $1 when given), else the
# folder the pg_ctl found on PATH really lives in.
find_bindir() {
    local want="${1:-}" dir tool ok p
    local -a candidates=()
    if [[ -n $want ]]; then
        candidates=("/usr/lib/postgresql/$want/bin")
    else
        if [[ -d /usr/lib/postgresql ]]; then
            mapfile -t candidates < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin | sort -V -r)
        fi
        if p="$(command -v pg_ctl 2>/dev/null)"; then
            candidates+=("$(dirname "$(readlink -f "$p")")")
        fi
    fi
    for dir in "${candidates[@]}"; do
        ok=1
        for tool in initdb pg_ctl postgres pg_isready psql; do
            [[ -x $dir/$tool ]] || { ok=0; break; }
        done
        if (( ok )); then
            printf '%s\n' "$dir"
            return 0
        fi
    done
    return 1
}

install_postgres() {
    [[ $EUID -eq 0 ]] || die "PostgreSQL's server programs (initdb, pg_ctl) are missing and installing them needs root: run 'apt-get install postgresql' as root"
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL's server programs (initdb, pg_ctl) are missing and there is no apt-get to install them"
    log "PostgreSQL's server programs are missing: installing the Debian package 'postgresql'"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update >&2 || die "apt-get update failed"
    apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends postgresql >&2 \
        || die "apt-get install postgresql failed"
}

# Runs a command as the cluster's owner ($RUN_USER), from inside DIR (initdb fails if it cannot see its working folder).
as_owner() {
    if [[ $RUN_USER == "$(id -un)" ]]; then
        (cd "$DIR" && "$@")
    elif [[ $EUID -eq 0 ]]; then
        (cd "$DIR" && runuser -u "$RUN_USER" -- "$@")
    else
        die "the cluster in $DIR belongs to '$RUN_USER': run this as that user or as root"
    fi
}

ensure_postgres_user() {
    id -u postgres >/dev/null 2>&1 && return 0
    log "creating the system user 'postgres'"
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home --shell /usr/sbin/nologin postgres \
        || die "could not create the system user 'postgres'"
}

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

# A TCP port of 127.0.0.1 nobody listens on: the OS's choice when python3 is there, else random tries.
pick_port() {
    local port i
    if command -v python3 >/dev/null 2>&1 && port="$(python3 -c '
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null)" && [[ $port =~ ^[0-9]+$ ]]; then
        printf '%s\n' "$port"
        return 0
    fi
    for i in $(seq 1 200); do
        port=$(( 20000 + RANDOM % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    return 1
}

server_running() { as_owner "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

show_log() {
    local f
    for f in "$DIR"/log/*.log; do
        [[ -f $f ]] || continue
        log "last lines of $f:"
        tail -n 30 "$f" >&2 || true
    done
}

# Writes the settings file the cluster's postgresql.conf includes (the port changes when a start has to be retried).
write_settings() {
    as_owner tee "$DATA/popculture.conf" >/dev/null <<EOF
# Written by scripts/postgres.sh: a throwaway cluster for tests, reachable only from this machine.
listen_addresses = '127.0.0.1'
port = $1
unix_socket_directories = '$DIR/run'
max_connections = 200
# Durability is pointless for a cluster deleted after the tests; skipping it makes them faster.
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

current_port() {
    [[ -f $DATA/popculture.conf ]] || return 0
    sed -n 's/^port = \([0-9][0-9]*\)$/\1/p' "$DATA/popculture.conf" | tail -n 1
}

# Starts the server, moving to another free port when the chosen one got taken in the meantime.
start_server() {
    local attempt port logfile="$DIR/log/postgres.log"
    port="$(current_port)"
    for attempt in 1 2 3 4 5; do
        if [[ -z $port ]] || (( attempt > 1 )); then
            port="$(pick_port)" || die "could not find a free TCP port on 127.0.0.1"
        fi
        write_settings "$port"
        log "starting PostgreSQL on 127.0.0.1:$port (log: $logfile)"
        if as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$logfile" -w -t 60 start >&2; then
            PORT="$port"
            return 0
        fi
        server_running && as_owner "$BINDIR/pg_ctl" -D "$DATA" -w -t 30 stop -m immediate >&2 || true
        if grep -q 'could not bind\|Address already in use' "$logfile" 2>/dev/null; then
            log "port $port is taken: trying another one"
            continue
        fi
        show_log
        die "PostgreSQL did not start (its files stay in $DIR: remove them with 'scripts/postgres.sh stop $DIR')"
    done
    show_log
    die "PostgreSQL did not start: no free port after 5 tries"
}

wait_ready() {
    local i
    for i in $(seq 1 60); do
        if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d postgres -t 2; then
            return 0
        fi
        sleep 1
    done
    show_log
    die "PostgreSQL does not accept connections on 127.0.0.1:$PORT after 60 seconds"
}

cmd_start() {
    local password superuser_password
    [[ -e $DIR && ! -d $DIR ]] && die "$DIR exists and is not a folder"
    DIR="$(realpath -m -- "$DIR")"
    DATA="$DIR/data"
    # The server's unix socket path must fit in sockaddr_un (107 bytes).
    local socket_path="$DIR/run/.s.PGSQL.65535"
    (( ${#socket_path} <= 107 )) || die "$DIR is too long a path for PostgreSQL's unix socket: use a shorter one (e.g. mktemp -d)"
    if [[ -d $DIR && ! -e $DIR/$MARKER ]] && [[ -n "$(ls -A -- "$DIR")" ]]; then
        die "$DIR is not empty and was not made by this script: give an empty or missing folder"
    fi

    BINDIR="$(find_bindir)" || {
        install_postgres
        BINDIR="$(find_bindir)" \
            || die "PostgreSQL is installed but its programs (initdb, pg_ctl, postgres, pg_isready, psql) are not under /usr/lib/postgresql/<version>/bin"
    }
    log "using PostgreSQL $("$BINDIR/postgres" --version | sed 's/^[^0-9]*//') from $BINDIR"

    if [[ $EUID -eq 0 ]]; then
        RUN_USER=postgres
        ensure_postgres_user
        # The server user must be able to walk down to DIR: DIR itself is made 755 below, and so are the folders
        # mkdir -p makes (with the usual umask), so check the nearest folder above DIR that exists.
        local ancestor
        ancestor="$(dirname -- "$DIR")"
        while [[ ! -e $ancestor ]]; do ancestor="$(dirname -- "$ancestor")"; done
        runuser -u "$RUN_USER" -- test -x "$ancestor" \
            || die "the user '$RUN_USER' cannot enter $ancestor, so it could not reach $DIR: use a folder under /tmp, e.g. made by mktemp -d"
    else
        RUN_USER="$(id -un)"
    fi
    mkdir -p -- "$DIR" || die "could not create $DIR"
    chmod 755 -- "$DIR" || die "could not chmod $DIR"
    touch -- "$DIR/$MARKER" || die "could not write in $DIR"

    if [[ -f $DIR/password && -f $DATA/PG_VERSION && -f $DATA/popculture.conf ]]; then
        RUN_USER="$(stat -c %U -- "$DATA")"
        password="$(cat -- "$DIR/password")"
        BINDIR="$(find_bindir "$(cat -- "$DATA/PG_VERSION")")" || die "the cluster in $DIR needs PostgreSQL $(cat -- "$DATA/PG_VERSION"), which is not installed"
        if server_running; then
            PORT="$(current_port)"
            log "the cluster in $DIR is already running on 127.0.0.1:$PORT"
        else
            start_server
        fi
    else
        # Nothing usable yet (or a half-made cluster from a failed start): make it from scratch.
        if [[ -f $DATA/postmaster.pid ]] && server_running; then
            as_owner "$BINDIR/pg_ctl" -D "$DATA" -w -t 30 stop -m immediate >&2 || true
        fi
        rm -rf -- "$DATA" "$DIR/run" "$DIR/log" "$DIR/password" "$DIR/superuser-password"
        install -d -m 700 -o "$RUN_USER" -g "$(id -gn "$RUN_USER")" -- "$DATA" "$DIR/run" "$DIR/log" || die "could not create the cluster's folders in $DIR"
        password="$(random_hex 24)"
        superuser_password="$(random_hex 24)"
        (umask 077 && printf '%s\n' "$password" >"$DIR/password")
        (umask 077 && printf '%s\n' "$superuser_password" >"$DIR/superuser-password")
        chown -- "$RUN_USER" "$DIR/superuser-password"

        local -a locale_args=(--locale=C)
        if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale_args=(--locale=C.UTF-8); fi
        log "creating a new cluster in $DATA"
        as_owner "$BINDIR/initdb" -D "$DATA" -U "$RUN_USER" --pwfile="$DIR/superuser-password" \
            --encoding=UTF8 "${locale_args[@]}" --auth-local=peer --auth-host=scram-sha-256 >&2 \
            || { rm -f -- "$DIR/superuser-password"; die "initdb failed"; }
        rm -f -- "$DIR/superuser-password"
        printf "\ninclude 'popculture.conf'\n" | as_owner tee -a "$DATA/postgresql.conf" >/dev/null
        start_server
    fi
    wait_ready

    # Idempotent: the role and the database are created only when missing.
    as_owner "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR/run" -p "$PORT" -U "$RUN_USER" -d postgres \
        -v role="$ROLE" -v database="$DATABASE" -v password="$password" >&2 <<'SQL' || die "could not create the role '$ROLE' and the database '$DATABASE'"
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN CREATEDB PASSWORD :'password';
-- Dropping a test database WITH (FORCE) ends its other sessions; without this a stray one can refuse it.
GRANT pg_signal_backend TO :"role";
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
    WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SQL
    # Check what the tests will do: log in over TCP with the password.
    PGPASSWORD="$password" "$BINDIR/psql" -X -q -t -v ON_ERROR_STOP=1 \
        "host=127.0.0.1 port=$PORT dbname=$DATABASE user=$ROLE" -c 'SELECT 1' >/dev/null \
        || die "the role '$ROLE' cannot log in to 127.0.0.1:$PORT"

    log "ready: database '$DATABASE' on 127.0.0.1:$PORT (stop it with: scripts/postgres.sh stop $DIR)"
    printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s\n' "$PORT" "$DATABASE" "$ROLE" "$password"
}

cmd_stop() {
    local version pid i
    if [[ ! -e $DIR ]]; then
        log "$DIR does not exist: nothing to stop"
        return 0
    fi
    [[ -d $DIR ]] || die "$DIR is not a folder"
    DIR="$(cd "$DIR" && pwd -P)"
    DATA="$DIR/data"
    if [[ ! -e $DIR/$MARKER ]] && [[ -n "$(ls -A -- "$DIR")" ]]; then
        die "$DIR was not made by 'scripts/postgres.sh start': refusing to delete it"
    fi
    if [[ -f $DATA/PG_VERSION ]]; then
        RUN_USER="$(stat -c %U -- "$DATA")"
        version="$(cat -- "$DATA/PG_VERSION")"
        if BINDIR="$(find_bindir "$version")"; then
            if server_running; then
                log "stopping the cluster in $DIR"
                as_owner "$BINDIR/pg_ctl" -D "$DATA" -w -t 60 stop -m fast >&2 \
                    || as_owner "$BINDIR/pg_ctl" -D "$DATA" -w -t 30 stop -m immediate >&2 \
                    || die "could not stop the cluster in $DIR"
            fi
        elif [[ -f $DATA/postmaster.pid ]]; then
            # No pg_ctl any more: ask the postmaster for a fast shutdown (SIGINT) directly.
            pid="$(head -n 1 -- "$DATA/postmaster.pid")"
            if [[ $pid =~ ^[0-9]+$ ]] && kill -INT "$pid" 2>/dev/null; then
                log "stopping the postmaster $pid of $DIR"
                for i in $(seq 1 60); do
                    kill -0 "$pid" 2>/dev/null || break
                    sleep 1
                done
                kill -0 "$pid" 2>/dev/null && die "the postmaster $pid of $DIR did not stop"
            fi
        fi
    fi
    rm -rf -- "$DIR" || die "could not delete $DIR"
    log "deleted $DIR"
}

(( $# == 2 )) || usage
[[ -n $2 ]] || usage
DIR="$2"
BINDIR=""
DATA=""
RUN_USER=""
PORT=""
case "$1" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    *) usage ;;
esac
