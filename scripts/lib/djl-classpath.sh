#!/usr/bin/env bash
# Sourced after common.sh by the hybrid-model scripts: adds the runtime-scope jars (the PyTorch
# native library) to the compile classpath that common.sh builds.
stormwatch_build
RUNTIME_CP="$STORMWATCH_HOME/target/classpath-runtime.txt"
if [[ ! -f "$RUNTIME_CP" || "$STORMWATCH_HOME/pom.xml" -nt "$RUNTIME_CP" ]]; then
  (cd "$STORMWATCH_HOME" && mvn -q -B dependency:build-classpath \
      -Dmdep.outputFile="$RUNTIME_CP" -Dmdep.includeScope=runtime >&2)
fi
{ cat "$CLASSPATH_FILE"; printf ':%s' "$(cat "$RUNTIME_CP")"; } > "$STORMWATCH_HOME/target/classpath-djl.txt"
CLASSPATH_FILE="$STORMWATCH_HOME/target/classpath-djl.txt"
