#!/usr/bin/env bash
# Runs the Stormwatch job on an embedded Flink MiniCluster.
#   scripts/detect.sh --input FILE [--input FILE ...] --output DIR [--warmup FILE] [--feedback FILE] [--config FILE]
#   scripts/detect.sh --kafka 127.0.0.1:9092 --input-topic T --alerts-topic A --output DIR
# Writes DIR/alerts.jsonl, DIR/dead-letter.jsonl and DIR/summary.json; exits 0 when the input is consumed.
source "$(dirname "$0")/lib/common.sh"
stormwatch_java dev.stormwatch.cli.DetectCommand "$@"
