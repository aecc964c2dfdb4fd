#!/usr/bin/env bash
# Times the PyTorch peer and SerAdapt on the same MRD configuration (the paper's network, batch 64,
# m = 3, synthetic data), one after the other in one run, and prints both and their ratio.
#   bench/peers/run.sh
#   PEER_BATCHES=30 SERADAPT_BATCHES=24 THREADS=1 bench/peers/run.sh   (THREADS: default nproc)
# The peer needs OpenBLAS: Debian's python3-torch calls whatever libblas.so.3 the system selects,
# which is netlib's reference BLAS (~50x slower) unless libopenblas0-pthread is installed
# (apt-get install libopenblas0-pthread switches the libblas.so.3 alternative).
# OPENBLAS_LIB_DIR: a directory holding OpenBLAS's libblas.so.3, put first on LD_LIBRARY_PATH instead.
# With THREADS > 1 the peer also runs on 1 thread (PyTorch + OpenBLAS is often faster so on a small
# machine), and the ratio is taken against the faster of its two settings.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
threads="${THREADS:-$(nproc)}"
python="${PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if grep -q avx512f /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX; fi
# torch.set_num_threads does not reach OpenBLAS's own pthreads: without this, a 1-thread peer
# still runs its GEMMs on every core.
if [[ -n "${OPENBLAS_LIB_DIR:-}" ]]; then export LD_LIBRARY_PATH="$OPENBLAS_LIB_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi

echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc --all) cores, $threads thread(s) for both, load average $(cut -d' ' -f1-3 /proc/loadavg)"
blas="$("$python" - <<'PY'
import os
import torch  # noqa: F401  (loads the BLAS)
libs = sorted({l.split()[-1] for l in open(f"/proc/{os.getpid()}/maps") if "blas" in l.lower()})
print(", ".join(libs) or "no BLAS library mapped")
PY
)"
echo "== PyTorch peer (BLAS: $blas)"
if [[ "$blas" != *openblas* ]]; then
    echo "WARNING: PyTorch is not using OpenBLAS; its figures will be those of the reference BLAS." >&2
    echo "         Install it with: apt-get install libopenblas0-pthread (or set OPENBLAS_LIB_DIR)." >&2
fi
peer_threads=("$threads")
if (( threads > 1 )); then peer_threads+=(1); fi
for t in "${peer_threads[@]}"; do
    echo "== PyTorch peer, $t thread(s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    OPENBLAS_NUM_THREADS="$t" OMP_NUM_THREADS="$t" \
        "$python" "$here/pytorch_mrd.py" --threads "$t" --batches "${PEER_BATCHES:-30}" --json > "$work/peer-$t.json"
done

echo "== SerAdapt (seradapt bench --json)"
dotnet build -c Release "$root/src/SerAdapt.Cli" -v quiet -nologo > "$work/build.log" || { cat "$work/build.log"; exit 1; }
dotnet "$root/src/SerAdapt.Cli/bin/Release/net10.0/seradapt.dll" bench --json --threads "$threads" \
    --mrd-batches "${SERADAPT_BATCHES:-24}" > "$work/seradapt.json"
echo "== load average after both: $(cut -d' ' -f1-3 /proc/loadavg)"

"$python" - "$work/seradapt.json" "$work"/peer-*.json <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))
peers = [json.load(open(p)) for p in sys.argv[2:]]
for peer in peers:
    print(f"PyTorch {peer['torch_version']} ({peer['threads']} thread(s), OPENBLAS_CORETYPE={peer['openblas_coretype'] or '-'}): "
          f"MRD batch mean {peer['seconds_per_batch_mean']:.4f} s, median {peer['seconds_per_batch_median']:.4f} s, "
          f"best {peer['seconds_per_batch_best']:.4f} s; epoch 10k+10k {peer['mrd_epoch_seconds_10k']:.1f} s")
    for shape, g in peer["gemm_gflops"].items():
        print(f"  torch.mm {shape}: best {g['best_gflops']:.1f}, median {g['median_gflops']:.1f} GFLOP/s")
print(f"SerAdapt ({ours['threads']} threads, {ours['kernel']} kernel, CPU {ours.get('cpu', '?')}, FMA peak {ours['peak_gflops']:.1f} GFLOP/s): "
      f"MRD batch mean {ours['mrd_batch_seconds']:.4f} s, median {ours['mrd_batch_seconds_median']:.4f} s; "
      f"epoch 10k+10k {ours['mrd_epoch_seconds_10k']:.1f} s ({100 * ours.get('mrd_share_of_peak', 0):.0f} % of the peak); "
      f"{ours['mrd_allocated_bytes_per_batch']:.0f} bytes allocated per batch")
for s in ours["gemm_shapes"]:
    print(f"  GEMM {s['shape']}: best {s['best_gflops']:.1f} ({100 * s['best_gflops'] / ours['peak_gflops']:.0f} %), "
          f"median {s['median_gflops']:.1f} ({100 * s['median_gflops'] / ours['peak_gflops']:.0f} %) GFLOP/s")
best = min(peers, key=lambda p: p["mrd_epoch_seconds_10k"])
print(f"PyTorch's faster setting: {best['threads']} thread(s)")
print(f"ratio (PyTorch's faster epoch / SerAdapt epoch, from the mean batch): {best['mrd_epoch_seconds_10k'] / ours['mrd_epoch_seconds_10k']:.2f}")
print(f"ratio from the median batch: {best['seconds_per_batch_median'] / ours['mrd_batch_seconds_median']:.2f}")
PY
