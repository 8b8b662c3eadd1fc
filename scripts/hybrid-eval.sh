#!/usr/bin/env bash
# Compares the hybrid model with the baseline on a scenario (alerts + scenario scores per detector).
#   scripts/hybrid-eval.sh --warmup H --input L --model models/hybrid/v4 --incidents I [--benign B] [--out DIR]
source "$(dirname "$0")/lib/common.sh"
stormwatch_java dev.stormwatch.model.ScenarioComparison "$@"
