#!/usr/bin/env bash
# Measures hybrid-model inference latency per window at batch 1 and 64.
#   scripts/hybrid-bench.sh --model models/hybrid/v1 --input FILE [--windows N]
source "$(dirname "$0")/lib/common.sh"
stormwatch_java dev.stormwatch.model.InferenceBenchmark "$@"
