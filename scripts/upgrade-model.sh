#!/usr/bin/env bash
# Swaps the hybrid model of a running job through a savepoint: checks that the new model is
# compatible with what the job serves, stops the job with a savepoint, resubmits the same jar and
# arguments with the new --model from it and waits until the new job is RUNNING.
#   scripts/upgrade-model.sh --job ID --model models/<name>/<version> [--cluster URL]
#       [--descriptor jobs/X.yaml] [--jar JAR] [--dir SAVEPOINT_DIR] [--timeout-s N] [--wait-s N]
# Prints "old job ID (hybrid-OLD)", "savepoint PATH", "new job ID (hybrid-NEW)" on stdout.
# Roll back: run it again on the new job with the previous --model.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
stormwatch_java dev.stormwatch.deploy.UpgradeModelCommand "$@"
