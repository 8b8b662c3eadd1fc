#!/usr/bin/env bash
# Shared by the scripts: locate the repo, build the classes once, and run a main class on the
# compile + runtime classpath (Flink is `provided` for the cluster job jar; the native model
# libraries are runtime-scoped).
set -euo pipefail

STORMWATCH_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export STORMWATCH_HOME
CLASSPATH_FILE="$STORMWATCH_HOME/target/classpath.txt"

# Rebuild when a source, resource or the pom is newer than the last build.
stormwatch_build() {
  local stamp="$STORMWATCH_HOME/target/.build-stamp"
  if [[ -f "$stamp" && -f "$CLASSPATH_FILE" ]] \
      && [[ -z "$(find "$STORMWATCH_HOME/src/main" "$STORMWATCH_HOME/pom.xml" -newer "$stamp" -print -quit)" ]]; then
    return 0
  fi
  echo "[stormwatch] building (first run downloads dependencies; later runs take seconds)..." >&2
  # compile scope holds Flink (provided); runtime scope adds the native model libraries
  (cd "$STORMWATCH_HOME" && mvn -q -B -DskipTests compile dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE.compile" -Dmdep.includeScope=compile >&2 \
    && mvn -q -B dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE.runtime" -Dmdep.includeScope=runtime >&2)
  { cat "$CLASSPATH_FILE.compile"; printf ':'; cat "$CLASSPATH_FILE.runtime"; } > "$CLASSPATH_FILE"
  touch "$stamp"
}

# stormwatch_java MAIN_CLASS [ARGS...]: runs a class of the project with a sane JVM setup.
stormwatch_java() {
  stormwatch_build
  local main="$1"
  shift
  mkdir -p "$STORMWATCH_HOME/out/tmp"
  exec java ${STORMWATCH_JAVA_OPTS:--Xmx2g} \
    -Djava.io.tmpdir="$STORMWATCH_HOME/out/tmp" -Dstormwatch.home="$STORMWATCH_HOME" \
    -Dlog4j.configurationFile="$STORMWATCH_HOME/conf/log4j2.properties" \
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    -cp "$STORMWATCH_HOME/target/classes:$(cat "$CLASSPATH_FILE")" "$main" "$@"
}
