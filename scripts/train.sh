#!/usr/bin/env bash
# Trains the hybrid model (CNN + BiLSTM + attention + Deep SVM) into a model artifact directory.
#   scripts/train.sh --input FILE [--input FILE ...] [--warmup FILE] [--incidents incidents.json ...]
#                    --model-out models/<name>/<version> [--seed N] [--epochs N]
#                    [--channels N|NAME,NAME,...]  (default: the 8 most frequent metrics)
source "$(dirname "$0")/lib/common.sh"
stormwatch_java dev.stormwatch.model.TrainCommand "$@"
