#!/usr/bin/env bash
# Produces the non-blank lines of a JSON Lines file (.gz accepted) to a Kafka topic.
#   scripts/kafka-produce.sh [--bootstrap HOST:PORT] --topic T --file F [--rate N/s]
# --bootstrap defaults to $KAFKA_BOOTSTRAP, else 127.0.0.1:${KAFKA_PORT:-9092} (scripts/kafka-local.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
if [[ " $* " != *" --bootstrap "* ]]; then
  set -- --bootstrap "${KAFKA_BOOTSTRAP:-127.0.0.1:${KAFKA_PORT:-9092}}" "$@"
fi
stormwatch_java dev.stormwatch.tools.KafkaProduceFile "$@"
