#!/usr/bin/env bash
# Converts a Nezha system (TrainTicket / OnlineBoutique) into Stormwatch input and labels.
#   scripts/convert-nezha.sh --system trainticket|onlineboutique --out DIR [--with-logs] [--gzip] (--help for all)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
stormwatch_java dev.stormwatch.data.ConvertNezhaCommand "$@"
