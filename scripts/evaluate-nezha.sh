#!/usr/bin/env bash
# Converts one Nezha day (metrics only), runs the job on it and scores the alerts.
#   scripts/evaluate-nezha.sh --out DIR [--system trainticket|onlineboutique] [--date YYYY-MM-DD] [--grace-min M]
# Writes DIR/{history,live}.jsonl, incidents.json, scenario.json, DIR/run/alerts.jsonl and DIR/run/evaluation.json.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
system=trainticket
date_args=()
grace_args=()
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --system) system="$2"; shift 2 ;;
    --date) date_args=(--date "$2"); shift 2 ;;
    --grace-min) grace_args=(--grace-min "$2"); shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 --out DIR [--system trainticket|onlineboutique] [--date D] [--grace-min M]" >&2; exit 64 ;;
  esac
done
[[ -n "$out" ]] || { echo "evaluate-nezha: --out DIR is required" >&2; exit 64; }
"$here/convert-nezha.sh" --system "$system" "${date_args[@]}" --no-logs --out "$out"
"$here/detect.sh" --detector baseline --warmup "$out/history.jsonl" --input "$out/live.jsonl" --output "$out/run"
"$here/evaluate.sh" scenario --incidents "$out/incidents.json" --alerts "$out/run/alerts.jsonl" \
  --json "$out/run/evaluation.json" "${grace_args[@]}"
