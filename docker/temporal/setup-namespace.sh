#!/bin/sh
# Creates the Temporal namespace Tollgate runs in and Tollgate's custom search attributes, each
# only if it is missing. Run by the temporal-setup service of docker/compose.yaml once the server
# answers; safe to run again on every start. The worker also registers the search attributes itself
# at start-up where the server allows it: this is the belt to those braces, and the only way for a
# server that refuses the worker's registration.
#
#   TEMPORAL_ADDRESS              host:port of the frontend (required)
#   TEMPORAL_NAMESPACE            namespace (default: default)
#   TEMPORAL_NAMESPACE_RETENTION  how long closed runs are kept, for a new namespace (default: 720h)
#
# Needs the `temporal` CLI (in the admin-tools image). POSIX sh: that image is Alpine, no bash.
set -eu

address=${TEMPORAL_ADDRESS:?set TEMPORAL_ADDRESS to the frontend host:port}
namespace=${TEMPORAL_NAMESPACE:-default}
retention=${TEMPORAL_NAMESPACE_RETENTION:-720h}

# Tollgate's search attributes (dev.tollgate.pipeline.SearchAttributes): NAME:TYPE.
attributes="TollgateModel:Keyword TollgateStage:Keyword TollgateOutcome:Keyword TollgateModelVersion:Int TollgateTrigger:Keyword TollgateCommit:Keyword"

say() { echo "temporal-setup: $*"; }

# Use the IPv4 address of a host name, as Temporal's own compose scripts do: inside some Docker
# networks the CLI otherwise tries an IPv6 address that nothing listens on.
host=${address%:*}
port=${address##*:}
ip=$(getent ahosts "$host" 2>/dev/null | awk '$1 ~ /^[0-9.]+$/ { print $1; exit }')
if [ -n "$ip" ]; then address=$ip:$port; fi

t() { temporal "$@" --address "$address"; }

say "waiting for the Temporal server at $address"
tries=0
until t operator cluster health 2>/dev/null | grep -q SERVING; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    say "the server at $address did not report SERVING within 120 s" >&2
    t operator cluster health >&2 || true
    exit 1
  fi
  sleep 2
done

if t operator namespace describe --namespace "$namespace" >/dev/null 2>&1; then
  say "namespace $namespace exists"
else
  say "creating namespace $namespace (retention $retention)"
  t operator namespace create --namespace "$namespace" --retention "$retention" \
    --description "Tollgate pipelines"
fi

# A new namespace takes a few seconds to reach every service.
tries=0
until listing=$(t operator search-attribute list --namespace "$namespace" --output json 2>&1); do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then
    say "cannot list the search attributes of $namespace: $listing" >&2
    exit 1
  fi
  sleep 2
done

for attribute in $attributes; do
  name=${attribute%%:*}
  type=${attribute#*:}
  if printf '%s\n' "$listing" | grep -q "\"$name\""; then
    indexed=INDEXED_VALUE_TYPE_$(printf '%s' "$type" | tr '[:lower:]' '[:upper:]')
    if ! printf '%s\n' "$listing" | grep -q "\"$name\": *\"$indexed\""; then
      say "search attribute $name exists with another type than $type:" >&2
      printf '%s\n' "$listing" | grep "\"$name\"" >&2
      say "Tollgate cannot use it; remove it (temporal operator search-attribute remove) and run again" >&2
      exit 1
    fi
    say "search attribute $name exists ($type)"
  else
    say "creating search attribute $name ($type)"
    t operator search-attribute create --namespace "$namespace" --name "$name" --type "$type"
  fi
done
say "done"
