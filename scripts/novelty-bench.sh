#!/usr/bin/env bash
# Novelty per window as the keyed window step pays it: scoring alone, and with the key's memory
# read from and written back to state bytes.
#   scripts/novelty-bench.sh --input FILE [--input FILE ...]
source "$(dirname "$0")/lib/common.sh"
stormwatch_java dev.stormwatch.eval.NoveltyStateBenchmark "$@"
