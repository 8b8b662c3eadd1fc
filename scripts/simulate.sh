#!/usr/bin/env bash
# Generates a labelled multi-cloud incident scenario (see dev.stormwatch.sim.SimulateCommand --help).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
stormwatch_java dev.stormwatch.sim.SimulateCommand "$@"
