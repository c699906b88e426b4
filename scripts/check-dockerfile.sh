#!/usr/bin/env bash
# Static checks of docker/Dockerfile that need no Docker engine (scripts/check-compose.sh runs
# this first; the image itself is built and run by the integration tests, WorkerContainerIT).
# Fails (non-zero, with the reason) on the first problem:
#  - it builds with the legacy builder too: no `# syntax=` line, no RUN --mount, no COPY --chmod,
#    --link or --from (one stage: no image is pulled but the base);
#  - the base is the build argument: `ARG BASE_IMAGE=<pinned default>` before `FROM ${BASE_IMAGE}`;
#  - tini is PID 1 and runs java: ENTRYPOINT ["tini", "--", "java", ...], default CMD ["worker"];
#  - a numeric non-root USER, a HEALTHCHECK;
#  - every COPY source is a file the build context sends: allowed by .dockerignore (an allow-list)
#    and present in the repository, except the jar, which Maven builds (its path is checked);
#  - docker/Dockerfile.dockerignore (what BuildKit reads) says the same as .dockerignore.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
file=$root/docker/Dockerfile
ignore=$root/.dockerignore
say() { echo "check-dockerfile: $*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}
[ -f "$file" ] || fail "no docker/Dockerfile"
[ -f "$ignore" ] || fail "no .dockerignore at the repository root (the build context)"
# Instructions only: comments dropped, continuation lines joined.
instructions=$(sed -e '/^[[:space:]]*#/d' "$file" | sed -e ':a' -e '/\\$/N; s/\\\n//; ta')

! grep -qi '^# *syntax=' "$file" || fail "a '# syntax=' line needs BuildKit; the legacy builder must build it"
! grep -qE '^RUN[[:space:]]+--mount' <<<"$instructions" || fail "RUN --mount needs BuildKit"
! grep -qE '^(COPY|ADD)[[:space:]]+--(chmod|link|from)' <<<"$instructions" ||
  fail "COPY --chmod/--link need BuildKit, and --from a second stage"
[ "$(grep -cE '^FROM[[:space:]]' <<<"$instructions")" = 1 ] || fail "one stage expected (one FROM)"
first=$(grep -nE '^(ARG|FROM)' <<<"$instructions" | head -n 2 | cut -d: -f2-)
grep -qE '^ARG BASE_IMAGE=[^[:space:]]+:[^[:space:]]+$' <<<"$(head -n 1 <<<"$first")" ||
  fail "the first instruction must be ARG BASE_IMAGE=<image:tag> (found: $(head -n 1 <<<"$first"))"
grep -qxE 'FROM \$\{BASE_IMAGE\}' <<<"$(sed -n 2p <<<"$first")" || fail "FROM \${BASE_IMAGE} expected"
grep -qE '^ENTRYPOINT \["tini", "--", "java", .*"-jar", "/app/tollgate.jar"\]$' <<<"$instructions" ||
  fail 'ENTRYPOINT ["tini", "--", "java", ..., "-jar", "/app/tollgate.jar"] expected'
grep -qxE 'CMD \["worker"\]' <<<"$instructions" || fail 'CMD ["worker"] expected (the default role)'
user=$(grep -E '^USER ' <<<"$instructions" | tail -n 1 | awk '{print $2}')
[[ $user =~ ^[1-9][0-9]*(:[0-9]+)?$ ]] || fail "USER must be numeric and not root (found '$user')"
grep -qE '^HEALTHCHECK ' <<<"$instructions" || fail "no HEALTHCHECK"

while read -r src; do
  grep -qxF "!$src" "$ignore" || fail "COPY $src: .dockerignore does not send it"
  case $src in
    starter/target/tollgate.jar) ;; # built by ./mvnw package before the image
    *) [ -e "$root/$src" ] || fail "COPY $src: no such file in the repository" ;;
  esac
done < <(grep -E '^COPY ' <<<"$instructions" | awk '{for (i = 2; i < NF; i++) print $i}')
diff -q <(grep -v '^#' "$ignore") <(grep -v '^#' "$root/docker/Dockerfile.dockerignore") >/dev/null ||
  fail "docker/Dockerfile.dockerignore (BuildKit's) and .dockerignore differ"
say "OK: docker/Dockerfile builds without BuildKit, on BASE_IMAGE, tini as PID 1, sends only what it copies"
