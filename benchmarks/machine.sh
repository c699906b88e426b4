#!/usr/bin/env bash
# Prints what the benchmark ran on: cores, CPU, memory, load, JDK, Python and library versions.
#   benchmarks/machine.sh [VENV]
set -uo pipefail
venv="${1:-$HOME/.cache/tollgate/bench-venv}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cores (nproc): $(nproc)"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "load (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jdk: $("$java" -version 2>&1 | head -2 | tr '\n' ' ')"
echo "OMP_WAIT_POLICY: ${OMP_WAIT_POLICY:-unset}"
"$venv/bin/python" - <<'PY'
import platform
import lightgbm, numpy, pandas, sklearn, xgboost
print(f"python: {platform.python_version()}; numpy {numpy.__version__}, pandas {pandas.__version__}, "
      f"scikit-learn {sklearn.__version__}, xgboost {xgboost.__version__}, lightgbm {lightgbm.__version__}")
PY
echo "smile: $(sed -n 's:.*<smile.version>\(.*\)</smile.version>.*:\1:p' pom.xml)," \
  "xgboost4j: $(sed -n 's:.*<xgboost.version>\(.*\)</xgboost.version>.*:\1:p' pom.xml)"
