#!/usr/bin/env bash
# Uploads the job jar to a Flink cluster over REST and runs it as a job descriptor says; prints the
# job id on stdout once the job is RUNNING.
#   scripts/submit.sh [--cluster URL] [--jar JAR] [--from-savepoint PATH] [--wait-s N] [jobs/<descriptor>.yaml]
# Defaults: cluster $FLINK_REST_URL or http://127.0.0.1:${FLINK_REST_PORT:-8081}, descriptor
# jobs/local-kafka.yaml. Without --jar the job jar is (re)built by `mvn package` when sources changed.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# Rebuilds target/stormwatch-*-job.jar when a source, resource or the pom is newer than it.
ensure_job_jar() {
  local jar
  jar="$(ls -t "$STORMWATCH_HOME"/target/stormwatch-*-job.jar 2>/dev/null | head -n1 || true)"
  if [[ -n "$jar" && -z "$(find "$STORMWATCH_HOME/src/main" "$STORMWATCH_HOME/pom.xml" -newer "$jar" -print -quit)" ]]; then
    return 0
  fi
  echo "[stormwatch] building the job jar (mvn package)..." >&2
  (cd "$STORMWATCH_HOME" && mvn -q -B -Dmaven.test.skip=true package >&2)
}

if [[ " $* " != *" --jar "* && " $* " != *" -h "* && " $* " != *" --help "* ]]; then
  ensure_job_jar
fi
stormwatch_java dev.stormwatch.deploy.SubmitCommand "$@"
