#!/usr/bin/env bash
# The embedded default: builds what it needs, runs the job on a MiniCluster over the bundled
# multi-cloud scenario (datasets/demo), prints each warning as it is raised, and scores the alerts
# against the scenario's labelled incidents. Outputs land in out/demo/.
source "$(dirname "$0")/lib/common.sh"
demo="$STORMWATCH_HOME/datasets/demo"
out="$STORMWATCH_HOME/out/demo"
echo "Stormwatch demo: 4 providers, 12 services; learning from 24 h of history, then watching 12 h live."
( stormwatch_java dev.stormwatch.cli.DetectCommand \
    --warmup "$demo/history.jsonl.gz" --input "$demo/live.jsonl.gz" --output "$out" --progress )
echo
echo "Scoring the alerts against the scenario's labelled incidents and benign look-alikes:"
( stormwatch_java dev.stormwatch.eval.EvaluateCommand scenario \
    --incidents "$demo/incidents.json" --benign "$demo/benign.json" \
    --alerts "$out/alerts.jsonl" --json "$out/evaluation.json" )
echo
echo "Outputs: $out/alerts.jsonl, $out/dead-letter.jsonl, $out/summary.json, $out/evaluation.json"
