#!/usr/bin/env bash
# Stops a running job with a savepoint over the Flink REST API and prints the savepoint path.
#   scripts/savepoint.sh stop --job ID [--cluster URL] [--dir DIR] [--drain] [--timeout-s N]
# Resume with: scripts/submit.sh --from-savepoint PATH [jobs/<descriptor>.yaml]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
stormwatch_java dev.stormwatch.deploy.SavepointCommand "$@"
