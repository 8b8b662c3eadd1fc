#!/usr/bin/env bash
# Hybrid-model inference latency per window at batch 1 and 64.
#   scripts/hybrid-bench.sh --model models/hybrid/v4 --input FILE [--windows N]
#     a trained artifact on replayed windows (contributors included)
#   scripts/hybrid-bench.sh --sizes [--conv 32,64,128] [--lstm 16,32,64,128] [--log-tokens 0,17]
#       [--batches 1,64] [--warmup 20] [--iterations 100] [--device auto|cpu|cuda:N]
#     latency against model size: untrained, initialised networks, Markdown table
source "$(dirname "$0")/lib/common.sh"
for arg in "$@"; do
  if [[ "$arg" == "--sizes" ]]; then
    stormwatch_java dev.stormwatch.model.ModelSizeBenchmark "$@"
  fi
done
stormwatch_java dev.stormwatch.model.InferenceBenchmark "$@"
