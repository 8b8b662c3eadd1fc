#!/usr/bin/env bash
# Scores alerts: `evaluate.sh scenario --incidents F [--benign F] --alerts F [--json OUT]`,
# compares detectors: `evaluate.sh compare --warmup F --input F --incidents F --out DIR`, or `evaluate.sh nab ...`.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
stormwatch_java dev.stormwatch.eval.EvaluateCommand "$@"
