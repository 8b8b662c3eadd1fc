#!/usr/bin/env bash
# Scores alerts: `evaluate.sh scenario --incidents F [--benign F] --alerts F [--json OUT]`,
# compares detectors: `evaluate.sh compare --warmup F --input F --incidents F --out DIR`,
# raw-score vs posterior decisions: `evaluate.sh decision ...`, calibration: `evaluate.sh calibration ...`,
# or `evaluate.sh nab ...`. `evaluate.sh --help` lists every subcommand's options.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
stormwatch_java dev.stormwatch.eval.EvaluateCommand "$@"
