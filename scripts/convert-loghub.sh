#!/usr/bin/env bash
# Converts LogHub 2k samples (structured CSVs) into Stormwatch log records plus template/label sidecars.
#   scripts/convert-loghub.sh --system NAME|all --out DIR [--root LOGHUB_DIR]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
stormwatch_java dev.stormwatch.data.ConvertLogHubCommand "$@"
