#!/usr/bin/env bash
# Times SerAdapt and the PyTorch peer on the same machine, one after the other, and prints both.
#   bench/peers/run.sh                      # defaults
#   OPENBLAS_LIB_DIR=/path/to/openblas-pthread bench/peers/run.sh
# OPENBLAS_LIB_DIR: a directory holding OpenBLAS's libblas.so.3; Debian's python3-torch calls
# whatever libblas.so.3 the system selects (netlib's reference BLAS unless OpenBLAS is installed).
# PEER_BATCHES: MRD batches timed by the peer after warm-up (default 30).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
threads="$(nproc)"
python="${PYTHON:-/usr/bin/python3}"

if grep -q avx512f /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX; fi
if [[ -n "${OPENBLAS_LIB_DIR:-}" ]]; then export LD_LIBRARY_PATH="$OPENBLAS_LIB_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi

echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $threads cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
blas="$("$python" - <<'PY'
import os
import torch  # noqa: F401  (loads the BLAS)
libs = sorted({l.split()[-1] for l in open(f"/proc/{os.getpid()}/maps") if "blas" in l.lower()})
print(", ".join(libs) or "no BLAS library mapped")
PY
)"
echo "== PyTorch peer (BLAS: $blas)"
"$python" "$here/pytorch_mrd.py" --threads "$threads" --batches "${PEER_BATCHES:-30}"

echo "== SerAdapt (seradapt bench)"
dotnet run -c Release --project "$root/src/SerAdapt.Cli" -- bench --threads "$threads"
