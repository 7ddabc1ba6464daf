#!/usr/bin/env bash
# Entrypoint of the local postgres:17 stand-in. Behaves like the upstream image's entrypoint:
#  - started as root: prepares $PGDATA and re-executes itself as user postgres;
#  - first start on an empty $PGDATA: initdb, a temporary server on the unix socket only,
#    POSTGRES_DB creation, /docker-entrypoint-initdb.d/* scripts, then that server stops;
#  - finally `exec postgres "$@"` so extra arguments such as `-c fsync=off` reach the server.
# Both servers log "database system is ready to accept connections" on stdout/stderr;
# Testcontainers waits for that line twice.
set -Eeo pipefail

# VAR or VAR_FILE (docker secrets), not both.
file_env() {
  local var="$1" def="${2:-}" fvar="${1}_FILE" val
  if [[ -n "${!var:-}" && -n "${!fvar:-}" ]]; then
    echo >&2 "error: both $var and $fvar are set (but are exclusive)"; exit 1
  fi
  val="$def"
  if [[ -n "${!var:-}" ]]; then val="${!var}"; elif [[ -n "${!fvar:-}" ]]; then val="$(<"${!fvar}")"; fi
  export "$var"="$val"
  unset "$fvar"
}

setup_env() {
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=}"
  DATABASE_ALREADY_EXISTS=
  if [[ -s "$PGDATA/PG_VERSION" ]]; then DATABASE_ALREADY_EXISTS=true; fi
}

# As root: directories owned by postgres (a bind mount or volume may come in owned by root).
prepare_dirs() {
  mkdir -p "$PGDATA"
  chmod 00700 "$PGDATA" 2>/dev/null || :
  mkdir -p /var/run/postgresql
  chmod 03775 /var/run/postgresql 2>/dev/null || :
  if [[ -n "${POSTGRES_INITDB_WALDIR:-}" ]]; then mkdir -p "$POSTGRES_INITDB_WALDIR"; fi
  if [[ "$(id -u)" = 0 ]]; then
    find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
    find /var/run/postgresql \! -user postgres -exec chown postgres:postgres '{}' +
    if [[ -n "${POSTGRES_INITDB_WALDIR:-}" ]]; then
      find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres:postgres '{}' +
    fi
  fi
}

verify_password() {
  if [[ -z "$POSTGRES_PASSWORD" && "$POSTGRES_HOST_AUTH_METHOD" != trust ]]; then
    cat >&2 <<'MSG'
Error: Database is uninitialized and superuser password is not specified.
       Set POSTGRES_PASSWORD to a non-empty value for the superuser, or
       POSTGRES_HOST_AUTH_METHOD=trust to allow all connections without a password
       (not recommended). See PostgreSQL's documentation about "trust".
MSG
    exit 1
  fi
}

init_db() {
  local -a args=(--username="$POSTGRES_USER")
  if [[ -n "${POSTGRES_INITDB_WALDIR:-}" ]]; then args+=(--waldir "$POSTGRES_INITDB_WALDIR"); fi
  if [[ -n "$POSTGRES_PASSWORD" ]]; then
    # The password travels through a pipe, never through argv or a file on disk.
    # shellcheck disable=SC2086
    initdb "${args[@]}" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS
  else
    # shellcheck disable=SC2086
    initdb "${args[@]}" $POSTGRES_INITDB_ARGS
  fi
}

# TCP connections from anywhere need the password (scram), or what POSTGRES_HOST_AUTH_METHOD says;
# the unix socket and loopback keep initdb's trust lines, as upstream.
configure_access() {
  local method="${POSTGRES_HOST_AUTH_METHOD:-}"
  if [[ -z "$method" ]]; then
    method=$(postgres -C password_encryption -D "$PGDATA" 2>/dev/null || echo scram-sha-256)
  fi
  if [[ "$method" = trust ]]; then
    echo >&2 "warning: POSTGRES_HOST_AUTH_METHOD=trust: every TCP client may connect without a password"
  fi
  printf '\nhost all all all %s\n' "$method" >>"$PGDATA/pg_hba.conf"
  printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
}

temp_server_start() {
  local extra=""
  # The server's own arguments (e.g. -c fsync=off) apply to the temporary server too.
  if (($#)); then extra="$(printf '%q ' "$@")"; fi
  # Only the unix socket: nobody can reach the database over TCP before init is complete.
  PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -w start \
    -o "${extra}-c listen_addresses='' -p ${PGPORT:-5432}"
}

temp_server_stop() {
  PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -m fast -w stop
}

psql_init() {
  PGHOST= PGHOSTADDR= psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc "$@"
}

create_database() {
  if [[ "$POSTGRES_DB" != postgres ]]; then
    local exists
    exists=$(psql_init --dbname postgres --set db="$POSTGRES_DB" --tuples-only <<<"SELECT 1 FROM pg_database WHERE datname = :'db' ;")
    if [[ -z "${exists// /}" ]]; then
      psql_init --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db" ;'
      echo
    fi
  fi
}

run_init_scripts() {
  local f
  echo
  for f in /docker-entrypoint-initdb.d/*; do
    [[ -e "$f" ]] || continue
    case "$f" in
      *.sh)
        if [[ -x "$f" ]]; then echo "$0: running $f"; "$f"
        else echo "$0: sourcing $f"; # shellcheck disable=SC1090
          . "$f"; fi ;;
      *.sql)     echo "$0: running $f"; psql_init --dbname "$POSTGRES_DB" -f "$f"; echo ;;
      *.sql.gz)  echo "$0: running $f"; gunzip -c "$f" | psql_init --dbname "$POSTGRES_DB"; echo ;;
      *.sql.xz)  echo "$0: running $f"; xzcat "$f" | psql_init --dbname "$POSTGRES_DB"; echo ;;
      *.sql.zst) echo "$0: running $f"; zstd -dc "$f" | psql_init --dbname "$POSTGRES_DB"; echo ;;
      *)         echo "$0: ignoring $f" ;;
    esac
  done
}

main() {
  # `docker run postgres:17 -c fsync=off` means `postgres -c fsync=off`.
  if [[ "${1:0:1}" = '-' ]]; then set -- postgres "$@"; fi

  if [[ "$1" = postgres ]] && ! has_help_flag "$@"; then
    setup_env
    prepare_dirs
    if [[ "$(id -u)" = 0 ]]; then
      # PostgreSQL refuses to run as root: continue as postgres (setpriv is in util-linux).
      exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
    fi
    if [[ -z "$DATABASE_ALREADY_EXISTS" ]]; then
      verify_password
      init_db
      configure_access
      export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
      temp_server_start "${@:2}"
      create_database
      run_init_scripts
      temp_server_stop
      unset PGPASSWORD
      echo
      echo 'PostgreSQL init process complete; ready for start up.'
      echo
    else
      echo
      echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
      echo
    fi
  fi
  exec "$@"
}

has_help_flag() {
  local a
  for a in "$@"; do
    case "$a" in -'?'|--help|--describe-config|-V|--version) return 0 ;; esac
  done
  return 1
}

main "$@"
