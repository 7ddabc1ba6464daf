#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is first initialised (mounted at /docker-entrypoint-initdb.d).
# Each service owns one database through a login role of the same name; the role's password comes
# from BCS_<SERVICE>_DB_PASSWORD. Nobody else may connect to it, so a service cannot read another's
# tables by accident: data crosses service boundaries only through APIs and events.
set -euo pipefail

for db in content network tracker publishing; do
  var="BCS_${db^^}_DB_PASSWORD"
  password="${!var:?$var must be set}"
  echo "creating database $db with owner role $db"
  # psql variables (:"name", :'literal') quote the identifiers and the password safely.
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
       --set db="$db" --set password="$password" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"db";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
done
