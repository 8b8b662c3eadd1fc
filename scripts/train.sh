#!/usr/bin/env bash
# Trains the hybrid model (CNN + BiLSTM + attention + Deep SVM) into a model artifact directory.
#   scripts/train.sh --input FILE [--input FILE ...] [--warmup FILE] [--incidents incidents.json]
#                    --model-out models/<name>/<version> [--seed N] [--epochs N]
# Needs the PyTorch native jar (runtime scope), so it runs on the runtime classpath too.
source "$(dirname "$0")/lib/common.sh"
stormwatch_build
RUNTIME_CP="$STORMWATCH_HOME/target/classpath-runtime.txt"
if [[ ! -f "$RUNTIME_CP" || "$STORMWATCH_HOME/pom.xml" -nt "$RUNTIME_CP" ]]; then
  (cd "$STORMWATCH_HOME" && mvn -q -B dependency:build-classpath \
      -Dmdep.outputFile="$RUNTIME_CP" -Dmdep.includeScope=runtime >&2)
fi
cat "$CLASSPATH_FILE" > "$STORMWATCH_HOME/target/classpath-train.txt"
printf ':%s' "$(cat "$RUNTIME_CP")" >> "$STORMWATCH_HOME/target/classpath-train.txt"
CLASSPATH_FILE="$STORMWATCH_HOME/target/classpath-train.txt"
stormwatch_java dev.stormwatch.model.TrainCommand "$@"
