#!/usr/bin/env bash
# The paper's ablation on a labelled scenario: trains full / log branch off / CNN only / BiLSTM only /
# concatenation fusion / logistic head with one seed and scores each on the scenario; the paper's
# comparison networks on request (--variants tcn,vae,gan,gnn).
#   scripts/hybrid-ablation.sh --warmup H --input L --incidents I [--benign B] [--epochs 3] [--seed 42]
#                              [--out out/hybrid-ablation] [--variants full,logs-off,...]
source "$(dirname "$0")/lib/common.sh"
stormwatch_java dev.stormwatch.model.AblationCommand "$@"
