#!/usr/bin/env bash
# Prints the values of a Kafka topic, one per line (stops after --max N or --timeout-s S idle seconds).
#   scripts/kafka-tail.sh [--bootstrap HOST:PORT] --topic T [--from-beginning] [--max N] [--timeout-s S]
# --bootstrap defaults to $KAFKA_BOOTSTRAP, else 127.0.0.1:${KAFKA_PORT:-9092} (scripts/kafka-local.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
if [[ " $* " != *" --bootstrap "* ]]; then
  set -- --bootstrap "${KAFKA_BOOTSTRAP:-127.0.0.1:${KAFKA_PORT:-9092}}" "$@"
fi
stormwatch_java dev.stormwatch.tools.KafkaTail "$@"
