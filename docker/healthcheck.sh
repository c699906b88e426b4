#!/bin/sh
# The image's HEALTHCHECK, for both roles: which one runs is read from PID 1's command line
# (tini -- java ... -jar /app/tollgate.jar ROLE ...). Asked on the container's loopback.
#   worker: the management port's /actuator/health (UP only while Temporal answers)
#   serve:  /ready on the serve port (200 once every model assigned to it is loaded)
# Any other command (a one-off CLI call) is reported healthy while it runs.
args=$(tr '\0' ' ' </proc/1/cmdline)
case " $args " in
  *" /app/tollgate.jar serve "*)
    url="http://localhost:${TOLLGATE_SERVE_PORT:-8090}/ready" ;;
  *" /app/tollgate.jar worker "*)
    url="http://localhost:${TOLLGATE_MANAGEMENT_PORT:-8081}/actuator/health" ;;
  *) exit 0 ;;
esac
curl -fsS --max-time 4 -o /dev/null "$url" || exit 1
