#!/usr/bin/env bash
# Table 1 on a Slurm cluster: a job array of experiment shards, then one merge job that starts when
# every shard has finished. Submit from a login node:
#
#   CONFIG=table1.yaml OUT=$PWD/table1 SHARDS=10 bash docs/slurm/table1.sh
#
# CONFIG is the experiment YAML (with `corpora: [A, B]`, see docs/reproducing-the-paper.md), OUT the
# folder for the shards' report folders and the merged report (OUT/table1), SHARDS the number of
# array tasks. Each task reads its shard from SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT (no --shard
# needed); --resume lets a requeued task continue where it stopped. Adapt the #SBATCH-like options
# (time, CPUs, partition) in SBATCH_SHARD / SBATCH_MERGE to your cluster.
set -euo pipefail

: "${CONFIG:?set CONFIG to the experiment YAML file}"
: "${OUT:?set OUT to the output folder}"
SHARDS=${SHARDS:-10}
SBATCH_SHARD=${SBATCH_SHARD:---cpus-per-task=8 --time=2-00:00:00}
SBATCH_MERGE=${SBATCH_MERGE:---cpus-per-task=1 --time=00:30:00}

case "${1:-submit}" in
  shard)
    # One array task: shard SLURM_ARRAY_TASK_ID of SLURM_ARRAY_TASK_COUNT.
    seradapt experiment --config "$CONFIG" -o "$OUT/shard-$SLURM_ARRAY_TASK_ID" --threads "${SLURM_CPUS_PER_TASK:-0}" --resume
    ;;
  merge)
    # After every shard: one report folder, the same as one unsharded run.
    seradapt merge "$OUT"/shard-* -o "$OUT/table1" --force
    ;;
  submit)
    mkdir -p "$OUT"
    export CONFIG OUT
    # shellcheck disable=SC2086
    array=$(sbatch --parsable --job-name=table1-shards --array=0-$((SHARDS - 1)) $SBATCH_SHARD \
      --output="$OUT/slurm-%A_%a.log" --export=ALL "$0" shard)
    # shellcheck disable=SC2086
    sbatch --job-name=table1-merge --dependency=afterok:"${array%%;*}" $SBATCH_MERGE \
      --output="$OUT/slurm-merge-%j.log" --export=ALL "$0" merge
    echo "submitted array job $array ($SHARDS shards) and its merge job; the report will be $OUT/table1/report.md"
    ;;
  *)
    echo "usage: CONFIG=file.yaml OUT=folder [SHARDS=n] $0 [submit|shard|merge]" >&2
    exit 2
    ;;
esac
