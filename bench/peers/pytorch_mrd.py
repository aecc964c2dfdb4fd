#!/usr/bin/env python3
"""PyTorch peer of SerAdapt's MRD training, for speed comparison only.

The paper's network (encoder 1582-1024-1024-1024-1024, R1: 3 hidden + Linear->1,
R2: 4 hidden + Linear->1, every hidden layer Linear-BatchNorm1d-SELU-Dropout(0.5)) and the three
MRD steps per batch of ../../shared/GUIDE.md section 3 (two Adams, m = 3), on synthetic data.
Prints seconds per batch and per epoch scaled to 10k source + 10k target at batch 64, and the
GFLOP/s of torch.mm at the GEMM shapes of one batch. Run: bench/peers/run.sh (or this file with
OPENBLAS_CORETYPE=SkylakeX on AVX-512 machines).
"""
import argparse
import json
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

FEATURES, WIDTH, BATCH = 1582, 1024, 64


def hidden(d_in, d_out):
    return [nn.Linear(d_in, d_out), nn.BatchNorm1d(d_out), nn.SELU(), nn.Dropout(0.5)]


def encoder():
    layers, d = [], FEATURES
    for _ in range(4):
        layers += hidden(d, WIDTH)
        d = WIDTH
    return nn.Sequential(*layers)


def regressor(n_hidden):
    layers = []
    for _ in range(n_hidden):
        layers += hidden(WIDTH, WIDTH)
    layers.append(nn.Linear(WIDTH, 1))
    return nn.Sequential(*layers)


def set_requires_grad(module, flag):
    for p in module.parameters():
        p.requires_grad_(flag)


def mrd_batch(E, R1, R2, opt_e, opt_r, xs, ys, xt, m):
    # Step 1: E, R1, R2 minimise the source MSE of both heads.
    opt_e.zero_grad(set_to_none=True)
    opt_r.zero_grad(set_to_none=True)
    zs = E(xs)
    loss = F.mse_loss(R1(zs), ys) + F.mse_loss(R2(zs), ys)
    loss.backward()
    opt_e.step()
    opt_r.step()
    # Step 2: E fixed (forward only, no gradient into E); R1, R2 minimise MSE_s - L_dis(x_t).
    opt_r.zero_grad(set_to_none=True)
    with torch.no_grad():
        zs = E(xs)
        zt = E(xt)
    dis = (R1(zt) - R2(zt)).abs().mean()
    loss = F.mse_loss(R1(zs), ys) + F.mse_loss(R2(zs), ys) - dis
    loss.backward()
    opt_r.step()
    # Step 3: R1, R2 fixed (no weight gradients); E minimises L_dis(x_t), m times.
    set_requires_grad(R1, False)
    set_requires_grad(R2, False)
    for _ in range(m):
        opt_e.zero_grad(set_to_none=True)
        zt = E(xt)
        dis = (R1(zt) - R2(zt)).abs().mean()
        dis.backward()
        opt_e.step()
    set_requires_grad(R1, True)
    set_requires_grad(R2, True)


def time_mm(a, b, repeats):
    torch.mm(a, b)
    best = math.inf
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        torch.mm(a, b)
        times.append(time.perf_counter() - t0)
    times.sort()
    return times[0], times[len(times) // 2]


def gemm_figures(repeats):
    """GFLOP/s of torch.mm at one layer's forward (x W^T), dW (dY^T x) and dX (dY W)."""
    g = torch.Generator().manual_seed(1)
    out = {}
    for d_in in (FEATURES, WIDTH):
        x = torch.randn(BATCH, d_in, generator=g)
        w = torch.randn(WIDTH, d_in, generator=g)
        dy = torch.randn(BATCH, WIDTH, generator=g)
        flops = 2.0 * BATCH * d_in * WIDTH
        for name, (a, b) in {"forward": (x, w.t()), "dW": (dy.t(), x), "dX": (dy, w)}.items():
            best, median = time_mm(a, b, repeats)
            out[f"{name} {BATCH}x{d_in}->{WIDTH}"] = {
                "best_gflops": flops / best / 1e9, "median_gflops": flops / median / 1e9}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--batches", type=int, default=30)
    ap.add_argument("--gemm-repeats", type=int, default=50)
    ap.add_argument("--m", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    E, R1, R2 = encoder(), regressor(3), regressor(4)
    for mod in (E, R1, R2):
        mod.train()
    opt_e = torch.optim.Adam(E.parameters(), lr=1e-4, betas=(0.9, 0.999), eps=1e-8)
    opt_r = torch.optim.Adam(list(R1.parameters()) + list(R2.parameters()), lr=1e-4, betas=(0.9, 0.999), eps=1e-8)

    n_data = 8
    xs = torch.randn(n_data, BATCH, FEATURES)
    xt = torch.randn(n_data, BATCH, FEATURES)
    ys = 1 + 4 * torch.rand(n_data, BATCH, 1)

    for i in range(args.warmup):
        mrd_batch(E, R1, R2, opt_e, opt_r, xs[i % n_data], ys[i % n_data], xt[i % n_data], args.m)
    per_batch = []
    for i in range(args.batches):
        t0 = time.perf_counter()
        mrd_batch(E, R1, R2, opt_e, opt_r, xs[i % n_data], ys[i % n_data], xt[i % n_data], args.m)
        per_batch.append(time.perf_counter() - t0)
    per_batch.sort()
    mean = sum(per_batch) / len(per_batch)
    batches_per_epoch = math.ceil(10000 / BATCH)
    result = {
        "torch_version": torch.__version__,
        "threads": torch.get_num_threads(),
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", ""),
        "batches_timed": args.batches,
        "seconds_per_batch_mean": mean,
        "seconds_per_batch_median": per_batch[len(per_batch) // 2],
        "seconds_per_batch_best": per_batch[0],
        "mrd_epoch_seconds_10k": mean * batches_per_epoch,
        "gemm_gflops": gemm_figures(args.gemm_repeats),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"PyTorch {result['torch_version']}, {result['threads']} threads, OPENBLAS_CORETYPE={result['openblas_coretype']}")
    print(f"MRD batch (step 1 + step 2 + {args.m} x step 3): mean {mean:.4f} s, median {result['seconds_per_batch_median']:.4f} s, "
          f"best {per_batch[0]:.4f} s over {args.batches} batches")
    print(f"MRD epoch, 10k + 10k utterances at batch {BATCH} ({batches_per_epoch} batches): {result['mrd_epoch_seconds_10k']:.1f} s")
    for shape, g in result["gemm_gflops"].items():
        print(f"torch.mm {shape}: best {g['best_gflops']:.1f} GFLOP/s, median {g['median_gflops']:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
