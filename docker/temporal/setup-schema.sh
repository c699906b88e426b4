#!/bin/sh
# Creates Temporal's two PostgreSQL databases and brings their schemas to the version that ships
# with this admin-tools image (the same release as the server). Run by the temporal-schema service
# of docker/compose.yaml before the server starts; safe to run again: an existing database is kept,
# and update-schema applies only the versions the database does not have yet. That makes it the
# upgrade step too: raise TEMPORAL_VERSION and run `up` again.
#
# Reads the connection from temporal-sql-tool's own variables: SQL_PLUGIN (postgres12), SQL_HOST,
# SQL_PORT, SQL_USER, SQL_PASSWORD. POSIX sh: the admin-tools image is Alpine, without bash.
set -eu

: "${SQL_PLUGIN:?}" "${SQL_HOST:?}" "${SQL_PORT:?}" "${SQL_USER:?}" "${SQL_PASSWORD:?}"
schema_root=${TEMPORAL_SCHEMA_ROOT:-/etc/temporal/schema/postgresql/v12}
main_db=${TEMPORAL_DB:-temporal}
visibility_db=${TEMPORAL_VISIBILITY_DB:-temporal_visibility}

say() { echo "temporal-schema: $*"; }

tries=0
until nc -z "$SQL_HOST" "$SQL_PORT"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    say "PostgreSQL at $SQL_HOST:$SQL_PORT did not accept connections within 60 s" >&2
    exit 1
  fi
  sleep 1
done

# setup_db DATABASE SCHEMA_DIR
setup_db() {
  db=$1
  dir=$schema_root/$2/versioned
  if [ ! -d "$dir" ]; then
    say "no schema folder $dir in this image" >&2
    exit 1
  fi
  # `create` leaves an existing database alone (seen with temporal-sql-tool 1.32.0); should
  # another release fail on one instead, going on is right, and a real failure shows in the next
  # step, which needs the database.
  if temporal-sql-tool --db "$db" create; then
    say "database $db exists (created if it was missing)"
  else
    say "could not create database $db (normally: it exists already); going on"
  fi
  temporal-sql-tool --db "$db" setup-schema -v 0.0
  temporal-sql-tool --db "$db" update-schema -d "$dir"
  say "database $db is at the schema of $dir"
}

setup_db "$main_db" temporal
setup_db "$visibility_db" visibility
say "done"
