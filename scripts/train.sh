#!/usr/bin/env bash
# Trains the hybrid model (CNN + BiLSTM + attention + Deep SVM) into a model artifact directory.
#   scripts/train.sh --input FILE [--input FILE ...] [--warmup FILE] [--incidents incidents.json ...]
#                    --model-out models/<name>/<version> [--seed N] [--epochs N]
#                    [--channels N|NAME,NAME,...]  (default: the 8 most frequent metrics)
#                    [--ensemble N]  (N models with seeds S..S+N-1, served as one: mean score, spread)
source "$(dirname "$0")/lib/common.sh"
stormwatch_java dev.stormwatch.model.TrainCommand "$@"
