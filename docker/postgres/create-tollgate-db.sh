#!/bin/sh
# Runs once, on the first start of the postgres image (it runs /docker-entrypoint-initdb.d/*.sh
# when the data folder is empty): the tollgate database and user for the model registry, beside
# Temporal's own databases. The worker's Flyway migrations create the tables.
set -eu
: "${TOLLGATE_DB_PASSWORD:?set TOLLGATE_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set=password="$TOLLGATE_DB_PASSWORD" <<'SQL'
CREATE USER tollgate WITH PASSWORD :'password';
CREATE DATABASE tollgate OWNER tollgate;
SQL
