#!/usr/bin/python3
"""PyTorch reference numbers for SerAdapt.Engine (run by hand; CI reads the committed fixtures).

Writes safetensors fixtures into tests/SerAdapt.Engine.Tests/Golden/:
  layers.safetensors  forward outputs and all gradients of Linear, BatchNorm1d (train, eval),
                      SELU, Dropout (given torch's mask) and gradient reversal on fixed inputs
  losses.safetensors  value and gradients (to both inputs) of MSE, L1 discrepancy, BCE with
                      logits and Deep CORAL
  optim.safetensors   three Adam steps (without and with weight decay) and three SGD-momentum
                      steps (without and with weight decay)
  methods.safetensors (--methods) three training iterations each of adabn, dan and adda (issue 15)
  subspace.safetensors  (--subspace) eigh and thin SVD, RSD and DARE-GRAM values and gradients, and
                      three training iterations of each on a tiny network
  mrd.safetensors     three full MRD iterations (Interspeech 2019; see ../shared/GUIDE.md s.3) on a
                      tiny encoder/regressor pair: every weight and running statistic after every step

Tensor names say what they are: "<case>.<what>", e.g. "linear.dweight", "mrd.iter2.step3.1.E.0.weight".
Every file carries a __metadata__ block describing its cases.

Usage (torch 1.13 and numpy; the safetensors writer/reader below is plain numpy, no extra package):
  /usr/bin/python3 tests/golden/make_golden.py            # rewrite the fixtures
  /usr/bin/python3 tests/golden/make_golden.py --check F  # read a safetensors file written by C#

The C# test SafeTensorsTests.Write_FileForPythonCheck writes such a file to
  tests/SerAdapt.Engine.Tests/bin/Release/net10.0/csharp-written.safetensors
after `dotnet test tests/SerAdapt.Engine.Tests -c Release`; check it by hand with
  /usr/bin/python3 tests/golden/make_golden.py --check \
      tests/SerAdapt.Engine.Tests/bin/Release/net10.0/csharp-written.safetensors
which prints "OK ..." and exits 0, or names what differs and exits 1.
"""
import copy
import json
import os
import struct
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "SerAdapt.Engine.Tests", "Golden")


# ---------------------------------------------------------------- safetensors in plain numpy

def write_safetensors(path, tensors, metadata):
    """tensors: dict name -> array (written as little-endian F32); metadata: dict str -> str."""
    header = {"__metadata__": {str(k): str(v) for k, v in metadata.items()}}
    blobs = []
    offset = 0
    for name, value in tensors.items():
        a = np.array(value, dtype="<f4", order="C")  # (np.ascontiguousarray would make scalars 1-D)
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + a.nbytes]}
        blobs.append(a.tobytes())
        offset += a.nbytes
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    base = 8 + n
    tensors = {}
    for name, e in header.items():
        assert e["dtype"] == "F32", f"{name}: dtype {e['dtype']}"
        b, end = e["data_offsets"]
        assert base + end <= len(data), f"{name}: offsets run past the end of the file"
        tensors[name] = np.frombuffer(data[base + b:base + end], dtype="<f4").reshape(e["shape"])
    return tensors, metadata


def check(path):
    """The file C# writes in SafeTensorsTests.Write_FileForPythonCheck; keep both in step."""
    tensors, metadata = read_safetensors(path)
    expected = {
        "ramp": np.arange(12, dtype=np.float32).reshape(3, 4) / 4,
        "vector": np.array([-1.5, 0.0, 2.25, 1e-30, 3.4e38], dtype=np.float32),
        "scalar": np.array(0.1, dtype=np.float32),
        "empty": np.zeros((0, 3), dtype=np.float32),
    }
    problems = []
    if metadata != {"writer": "SerAdapt.Engine", "note": "héllo \"quoted\""}:
        problems.append(f"metadata {metadata}")
    if list(tensors) != list(expected):
        problems.append(f"names {list(tensors)} (expected {list(expected)})")
    for name, e in expected.items():
        got = tensors.get(name)
        if got is None or got.shape != e.shape or not np.array_equal(got, e):
            problems.append(f"{name}: {got!r} (expected {e!r})")
    if problems:
        print("MISMATCH " + "; ".join(problems))
        sys.exit(1)
    print(f"OK {path}: {len(tensors)} tensors and metadata as written by C#")


# ---------------------------------------------------------------- helpers

def t(a):
    return torch.tensor(np.asarray(a, dtype=np.float32))


def np32(x):
    return x.detach().numpy().astype(np.float32)


def snapshot_into(out, prefix, stage, nets):
    """Every weight and running statistic of nets (name -> module) as out["<prefix>.<stage>.<name>.<key>"]."""
    for net_name, net in nets.items():
        for k, v in net.state_dict().items():
            if not k.endswith("num_batches_tracked"):
                out[f"{prefix}.{stage}.{net_name}.{k}"] = np32(v.float())


def fixed(rng, *shape, low=-1.0, high=1.0):
    return rng.uniform(low, high, size=shape).astype(np.float32)


# ---------------------------------------------------------------- layers

def layers():
    rng = np.random.default_rng(1)
    out = {}

    x = fixed(rng, 4, 5); w = fixed(rng, 3, 5); b = fixed(rng, 3); dy = fixed(rng, 4, 3)
    lin = torch.nn.Linear(5, 3)
    with torch.no_grad():
        lin.weight.copy_(t(w)); lin.bias.copy_(t(b))
    xt = t(x).requires_grad_()
    y = lin(xt); y.backward(t(dy))
    out.update({"linear.x": x, "linear.weight": w, "linear.bias": b, "linear.dy": dy, "linear.y": np32(y),
                "linear.dx": np32(xt.grad), "linear.dweight": np32(lin.weight.grad), "linear.dbias": np32(lin.bias.grad)})

    for mode in ("train", "eval"):
        x = fixed(rng, 6, 4, low=-2, high=3); g = fixed(rng, 4, low=0.5, high=1.5); be = fixed(rng, 4)
        rm = fixed(rng, 4); rv = fixed(rng, 4, low=0.5, high=2.0); dy = fixed(rng, 6, 4)
        bn = torch.nn.BatchNorm1d(4)
        with torch.no_grad():
            bn.weight.copy_(t(g)); bn.bias.copy_(t(be)); bn.running_mean.copy_(t(rm)); bn.running_var.copy_(t(rv))
        bn.train(mode == "train")
        xt = t(x).requires_grad_()
        y = bn(xt); y.backward(t(dy))
        p = f"bn_{mode}."
        out.update({p + "x": x, p + "weight": g, p + "bias": be, p + "running_mean_before": rm, p + "running_var_before": rv,
                    p + "dy": dy, p + "y": np32(y), p + "dx": np32(xt.grad), p + "dweight": np32(bn.weight.grad),
                    p + "dbias": np32(bn.bias.grad), p + "running_mean_after": np32(bn.running_mean),
                    p + "running_var_after": np32(bn.running_var)})

    x = fixed(rng, 5, 6, low=-3, high=3); x[0, 0] = 0.0; dy = fixed(rng, 5, 6)
    xt = t(x).requires_grad_()
    y = torch.nn.SELU()(xt); y.backward(t(dy))
    out.update({"selu.x": x, "selu.dy": dy, "selu.y": np32(y), "selu.dx": np32(xt.grad)})

    torch.manual_seed(3)
    x = fixed(rng, 6, 5); dy = fixed(rng, 6, 5)
    xt = t(x).requires_grad_()
    y = torch.nn.functional.dropout(xt, p=0.5, training=True); y.backward(t(dy))
    mask = (y.detach() != 0).float() / 0.5
    out.update({"dropout.x": x, "dropout.dy": dy, "dropout.mask": np32(mask), "dropout.y": np32(y), "dropout.dx": np32(xt.grad)})

    class Reverse(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x, lam):
            ctx.lam = lam
            return x.view_as(x)

        @staticmethod
        def backward(ctx, g):
            return -ctx.lam * g, None

    x = fixed(rng, 3, 4); dy = fixed(rng, 3, 4)
    xt = t(x).requires_grad_()
    y = Reverse.apply(xt, 0.35); y.backward(t(dy))
    out.update({"grl.x": x, "grl.dy": dy, "grl.lambda": np.array(0.35, np.float32), "grl.y": np32(y), "grl.dx": np32(xt.grad)})

    write_safetensors(os.path.join(OUT, "layers.safetensors"), out, {
        "generator": "tests/golden/make_golden.py", "torch": torch.__version__,
        "cases": "linear (x 4x5 -> 3); bn_train, bn_eval (6x4, momentum 0.1, eps 1e-5); selu (5x6, x[0,0]=0); "
                 "dropout (p 0.5, torch's mask given as 0 or 2); grl (lambda 0.35). "
                 "y = forward(x), dx/dweight/dbias = gradients for upstream gradient dy"})


# ---------------------------------------------------------------- losses

def coral(s, tt):
    d = s.shape[1]
    sc = s - s.mean(0, keepdim=True); tc = tt - tt.mean(0, keepdim=True)
    cs = sc.t() @ sc / (s.shape[0] - 1); ct = tc.t() @ tc / (tt.shape[0] - 1)
    return ((cs - ct) ** 2).sum() / (4 * d * d)


def losses():
    rng = np.random.default_rng(2)
    out = {}
    cases = {
        "mse": (lambda a, b: torch.nn.functional.mse_loss(a, b), fixed(rng, 8, 1), fixed(rng, 8, 1)),
        "l1": (lambda a, b: torch.mean(torch.abs(a - b)), fixed(rng, 8, 1), fixed(rng, 8, 1)),
        "bce": (lambda a, b: torch.nn.functional.binary_cross_entropy_with_logits(a, b),
                np.array([[-30.0], [-3.0], [-0.5], [0.0], [0.7], [2.5], [30.0], [100.0]], np.float32),
                np.array([[0.0], [1.0], [0.3], [0.5], [1.0], [0.0], [0.0], [1.0]], np.float32)),
        "coral": (coral, fixed(rng, 6, 4), fixed(rng, 9, 4, low=-2, high=1)),
    }
    cases["l1"][2][3, 0] = cases["l1"][1][3, 0]  # a tie: PyTorch's sign(0) = 0
    for name, (fn, a, b) in cases.items():
        at = t(a).requires_grad_(); bt = t(b).requires_grad_()
        loss = fn(at, bt); loss.backward()
        out.update({f"{name}.a": a, f"{name}.b": b, f"{name}.loss": np32(loss), f"{name}.da": np32(at.grad), f"{name}.db": np32(bt.grad)})
    write_safetensors(os.path.join(OUT, "losses.safetensors"), out, {
        "generator": "tests/golden/make_golden.py", "torch": torch.__version__,
        "cases": "mse: mean (a-b)^2; l1: mean |a-b| with a tie at row 3; bce: BCE with logits (a logits, b targets); "
                 "coral: ||C_a - C_b||_F^2/(4 d^2), unbiased covariances, a 6x4 source, b 9x4 target. "
                 "loss = value, da/db = gradients of the loss"})


def mmd_loss(s, tt, kernels=5, mul=2.0):
    # Multi-kernel MMD^2, quadratic biased estimator; beta = mean squared distance of distinct rows (detached).
    z = torch.cat([s, tt]); n = z.shape[0]; ns = s.shape[0]
    d2 = ((z[:, None, :] - z[None, :, :]) ** 2).sum(-1)
    beta = d2.detach().sum() / (n * n - n)
    k = sum(torch.exp(-d2 / (2 * beta * mul ** (u - kernels // 2))) for u in range(kernels))
    return k[:ns, :ns].mean() + k[ns:, ns:].mean() - 2 * k[:ns, ns:].mean()


def mmd():
    """MmdLoss (DAN, issue 15): value and gradients in float64, written as float32."""
    rng = np.random.default_rng(15)
    a = fixed(rng, 6, 4); b = fixed(rng, 9, 4, low=-2, high=1)
    at = torch.tensor(a, dtype=torch.float64, requires_grad=True); bt = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    loss = mmd_loss(at, bt); loss.backward()
    write_safetensors(os.path.join(OUT, "mmd.safetensors"),
                      {"mmd.a": a, "mmd.b": b, "mmd.loss": np32(loss.float()), "mmd.da": np32(at.grad), "mmd.db": np32(bt.grad)}, {
        "generator": "tests/golden/make_golden.py", "torch": torch.__version__,
        "cases": "mmd: multi-kernel MMD^2 (5 Gaussian kernels, squared bandwidths beta * 2^(u-2), beta the detached mean "
                 "squared distance of distinct rows), quadratic biased estimator, a 6x4 source, b 9x4 target, float64 reference"})


# ---------------------------------------------------------------- subspace losses (RSD, DARE-GRAM; issue 15)

def rsd_loss(fs, ft, bases_weight):
    """RSD (Chen, Wang, Long, ICML 2021) as tllib writes it, on float64 features."""
    us, _, _ = torch.svd(fs.t())
    ut, _, _ = torch.svd(ft.t())
    ps, cos, pt = torch.svd(us.t() @ ut)
    sin = torch.sqrt(torch.clamp(1 - cos ** 2, min=0))
    return sin.sum() + bases_weight * torch.norm(ps.abs() - pt.abs())


def daregram_parts(h, k=None, threshold=0.9):
    """[1, h], the eigenpairs of its small Gram matrix (descending), and the paper's k for the threshold."""
    x = torch.cat([torch.ones(h.shape[0], 1, dtype=h.dtype), h], 1)
    lam, u = torch.linalg.eigh(x @ x.t())
    lam, u = lam.flip(0), u.flip(1)
    share = np.cumsum(lam.detach().numpy()) / lam.detach().sum().item()
    fewest = int(np.argmax(share >= threshold)) + 1
    return x, lam, u, fewest


def daregram_loss(hs, ht, alpha, gamma, threshold):
    """DARE-GRAM (Nejjar, Wang, Fink, WACV 2024) on float64 features: the rank-k pseudo-inverse Gram
    matrices built from the small Gram matrix, checked against torch.linalg.pinv of the (d+1)^2 one."""
    xs, ls, us, ks = daregram_parts(hs, threshold=threshold)
    xt, lt, ut, kt = daregram_parts(ht, threshold=threshold)
    k = min(max(ks, kt), hs.shape[0], ht.shape[0])

    def pinv(x, lam, u):
        kk = u[:, :k] @ torch.diag(lam[:k] ** -2) @ u[:, :k].t()
        g = x.t() @ kk @ x
        cov = (x.t() @ x).detach()
        sv = torch.linalg.svdvals(cov)
        ref = torch.linalg.pinv(cov, rtol=(sv[k] / sv[0]).item() * (1 + 1e-9)) if k < len(sv) else torch.linalg.pinv(cov)
        assert torch.allclose(g.detach(), ref, rtol=1e-6, atol=1e-9 * ref.abs().max().item()), "pinv via the small Gram matrix"
        return g

    gs, gt = pinv(xs, ls, us), pinv(xt, lt, ut)
    d = gs.shape[0]
    cos = torch.nn.functional.cosine_similarity(gs, gt, dim=0, eps=1e-6)
    angle = torch.dist(torch.ones(d, dtype=hs.dtype), cos, p=1) / d
    scale = torch.dist(ls[:k], lt[:k]) / k
    return alpha * angle + gamma * scale, k


def subspace():
    """Writes subspace.safetensors: eigh/SVD (forward and a sign-invariant gradient), RSD and DARE-GRAM
    value and gradients, and three training iterations (MSE + distance, one Adam) of each on a tiny network."""
    rng = np.random.default_rng(21)
    out = {}
    # Symmetric eigendecomposition: L = sum w lambda + sum c |V| (sign-invariant), float64.
    r = rng.normal(size=(5, 5)); a = (r @ r.T - np.eye(5)).astype(np.float32)
    w = fixed(rng, 5); c = fixed(rng, 5, 5)
    at = torch.tensor(a, dtype=torch.float64, requires_grad=True)
    lam, v = torch.linalg.eigh(at)
    lam, v = lam.flip(0), v.flip(1)
    (torch.tensor(w, dtype=torch.float64) @ lam + (torch.tensor(c, dtype=torch.float64) * v.abs()).sum()).backward()
    # A is taken as symmetric: report (G + G^T) / 2 of the gradient to the full matrix.
    g = at.grad
    out.update({"eigh.a": a, "eigh.w": w, "eigh.c": c, "eigh.values": np32(lam), "eigh.absvectors": np32(v.abs()),
                "eigh.da": np32((g + g.t()) / 2)})
    # Thin SVD of a wide 4 x 9: L = sum c |W| + sum w sigma^2 over the right vectors W (torch.svd(A.t()).U).
    m = fixed(rng, 4, 9); cw = fixed(rng, 9, 4); wl = fixed(rng, 4)
    mt = torch.tensor(m, dtype=torch.float64, requires_grad=True)
    wr, sv, _ = torch.svd(mt.t())
    ((torch.tensor(cw, dtype=torch.float64) * wr.abs()).sum() + (torch.tensor(wl, dtype=torch.float64) * sv ** 2).sum()).backward()
    out.update({"svd.a": m, "svd.c": cw, "svd.w": wl, "svd.singular": np32(sv), "svd.absright": np32(wr.abs()), "svd.da": np32(mt.grad)})
    # RSD on 5 x 12 features, bases weight 0.5.
    fs = rng.normal(size=(5, 12)).astype(np.float32); ft = (rng.normal(size=(5, 12)) * 1.3 + 0.2).astype(np.float32)
    fst = torch.tensor(fs, dtype=torch.float64, requires_grad=True); ftt = torch.tensor(ft, dtype=torch.float64, requires_grad=True)
    loss = rsd_loss(fst, ftt, 0.5); loss.backward()
    out.update({"rsd.a": fs, "rsd.b": ft, "rsd.loss": np32(loss), "rsd.da": np32(fst.grad), "rsd.db": np32(ftt.grad)})
    # DARE-GRAM on 5 x 6 source and 6 x 6 target features, alpha 0.5, gamma 0.01, T 0.9.
    hs = rng.normal(size=(5, 6)).astype(np.float32); ht = (rng.normal(size=(6, 6)) * 0.8 - 0.3).astype(np.float32)
    hst = torch.tensor(hs, dtype=torch.float64, requires_grad=True); htt = torch.tensor(ht, dtype=torch.float64, requires_grad=True)
    loss, k = daregram_loss(hst, htt, 0.5, 0.01, 0.9); loss.backward()
    out.update({"daregram.a": hs, "daregram.b": ht, "daregram.loss": np32(loss), "daregram.k": np.float32(k),
                "daregram.da": np32(hst.grad), "daregram.db": np32(htt.grad)})
    out.update(subspace_iterations("rsd", lambda a, b: rsd_loss(a, b, 0.1), seed=12))
    out.update(subspace_iterations("daregram", lambda a, b: daregram_loss(a, b, 1.0, 0.01, 0.9)[0], seed=13))
    write_safetensors(os.path.join(OUT, "subspace.safetensors"), out, {
        "generator": "tests/golden/make_golden.py --subspace", "torch": torch.__version__,
        "cases": "eigh: 5x5 symmetric a, values descending, |vectors|, da = sym. gradient of sum w*lambda + sum c*|V|; "
                 "svd: 4x9 a, singular values, |right vectors| (torch.svd(a.t()).U), da of sum c*|W| + sum w*sigma^2; "
                 "rsd: a, b 5x12, loss = sum sin(principal angles) + 0.5 ||abs(P_s) - abs(P_t)||_F (tllib's form); "
                 "daregram: a 5x6, b 6x6, alpha 0.5, gamma 0.01, T 0.9, k = fewest eigenvalues reaching T (paper), "
                 "pinv checked against torch.linalg.pinv; all float64, written as float32",
        "iterations": "<rsd|daregram>.*: E = [Linear(6,12,bias=False) BN SELU Dropout(0)] x2 (12 wide), R = "
                      "[Linear(12,4,bias=False) BN SELU Dropout(0)] Linear(4,1), torch.manual_seed(seed) init; xs 5x6, ys, xt 5x6; "
                      "one Adam lr 1e-3 over E and R; per iteration: zero, hs = E(xs), ht = E(xt) (train mode, separate passes), "
                      "L = MSE(R(hs), ys) + D(hs, ht) with D in float64 (rsd: bases weight 0.1, lambda 1; daregram: alpha 1, "
                      "gamma 0.01, T 0.9), backward, step; <m>.iter<i>.<E|R>.<key> after iteration i, <m>.iter<i>.mse/.distance"})


def subspace_iterations(name, distance, seed):
    torch.manual_seed(seed)
    E = torch.nn.Sequential(*block(6, 12), *block(12, 12))
    R = torch.nn.Sequential(*block(12, 4), torch.nn.Linear(4, 1))
    rng = np.random.default_rng(seed)
    xs = rng.normal(size=(5, 6)).astype(np.float32)
    ys = rng.uniform(1, 5, size=(5, 1)).astype(np.float32)
    xt = (rng.normal(size=(5, 6)) * 1.5 + 0.3).astype(np.float32)
    out = {f"{name}.xs": xs, f"{name}.ys": ys, f"{name}.xt": xt}
    nets = {"E": E, "R": R}

    def snapshot(stage):
        snapshot_into(out, name, stage, nets)

    snapshot("init")
    opt = torch.optim.Adam(list(E.parameters()) + list(R.parameters()), lr=1e-3)
    for it in range(1, 4):
        opt.zero_grad()
        hs = E(t(xs))
        mse = torch.nn.functional.mse_loss(R(hs), t(ys))
        ht = E(t(xt))
        dist = distance(hs.double(), ht.double())
        (mse + dist.float()).backward()
        opt.step()
        out[f"{name}.iter{it}.mse"] = np32(mse)
        out[f"{name}.iter{it}.distance"] = np32(dist)
        snapshot(f"iter{it}")
    return out


# ---------------------------------------------------------------- optimizers

def optim():
    rng = np.random.default_rng(3)
    out = {}
    w0 = fixed(rng, 3, 4); b0 = fixed(rng, 4)
    grads = [(fixed(rng, 3, 4), fixed(rng, 4)) for _ in range(3)]
    grads[1][0][0, 0] = 0.0  # a zero gradient entry
    out["p0.w"] = w0; out["p0.b"] = b0
    for k, (gw, gb) in enumerate(grads, 1):
        out[f"grad{k}.w"] = gw; out[f"grad{k}.b"] = gb
    runs = {
        "adam": lambda ps: torch.optim.Adam(ps, lr=1e-2),
        "adam_wd": lambda ps: torch.optim.Adam(ps, lr=1e-2, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1),
        "sgd": lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9),
        "sgd_wd": lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.05),
    }
    for name, make in runs.items():
        w = torch.nn.Parameter(t(w0)); b = torch.nn.Parameter(t(b0))
        opt = make([w, b])
        for k, (gw, gb) in enumerate(grads, 1):
            w.grad = t(gw); b.grad = t(gb)
            opt.step()
            out[f"{name}.step{k}.w"] = np32(w); out[f"{name}.step{k}.b"] = np32(b)
    write_safetensors(os.path.join(OUT, "optim.safetensors"), out, {
        "generator": "tests/golden/make_golden.py", "torch": torch.__version__,
        "cases": "parameters w (3x4), b (4) start at p0.*; gradients grad1..grad3 are set before steps 1..3; "
                 "adam: lr 1e-2; adam_wd: lr 1e-2, betas (0.8, 0.99), eps 1e-6, weight_decay 0.1; "
                 "sgd: lr 0.1, momentum 0.9; sgd_wd: lr 0.1, momentum 0.9, weight_decay 0.05. "
                 "<case>.step<k>.<w|b> = parameters after step k"})


# ---------------------------------------------------------------- MRD

def block(n_in, n_out):
    # bias=False: BatchNorm in training mode removes a preceding bias exactly, so that bias's true
    # gradient is 0 and its computed one is float rounding noise, which Adam (m / sqrt(v)) turns into
    # +-lr steps of random sign. With a bias, float32 PyTorch and float64 PyTorch already disagree by
    # ~6e-3 on those biases (and the running means that absorb them) after 3 iterations (run
    # --conditioning), so no float32 engine could match them; without it every number is
    # well-conditioned (float32 vs float64 <= 2e-7). BN's beta plays the bias's role.
    return [torch.nn.Linear(n_in, n_out, bias=False), torch.nn.BatchNorm1d(n_out), torch.nn.SELU(), torch.nn.Dropout(0.0)]


def mrd(dtype=torch.float32, write=True):
    torch.manual_seed(11)
    E = torch.nn.Sequential(*block(6, 5), *block(5, 4))
    R1 = torch.nn.Sequential(*block(4, 4), torch.nn.Linear(4, 1))
    R2 = torch.nn.Sequential(*block(4, 4), *block(4, 4), torch.nn.Linear(4, 1))
    rng = np.random.default_rng(4)
    xs = rng.normal(size=(8, 6)).astype(np.float32)
    ys = rng.uniform(1, 5, size=(8, 1)).astype(np.float32)
    xt = (rng.normal(size=(10, 6)) * 1.5 + 0.3).astype(np.float32)
    nets = {"E": E, "R1": R1, "R2": R2}
    for n in nets.values():
        n.to(dtype).train()
    xs_t, ys_t, xt_t = (torch.tensor(v, dtype=dtype) for v in (xs, ys, xt))
    opt_e = torch.optim.Adam(E.parameters(), lr=1e-3)
    opt_r = torch.optim.Adam(list(R1.parameters()) + list(R2.parameters()), lr=1e-3)
    mse = torch.nn.functional.mse_loss

    def l_dis(ht):
        return torch.mean(torch.abs(R1(ht) - R2(ht)))

    out = {"mrd.xs": xs, "mrd.ys": ys, "mrd.xt": xt}

    def snapshot(stage):
        snapshot_into(out, "mrd", stage, nets)

    snapshot("init")
    for it in range(1, 4):
        # Step 1: E, R1, R2 minimise the source MSE of both heads (one encoder pass for both heads).
        opt_e.zero_grad(); opt_r.zero_grad()
        hs = E(xs_t)
        loss = mse(R1(hs), ys_t) + mse(R2(hs), ys_t)
        loss.backward(); opt_e.step(); opt_r.step()
        out[f"mrd.iter{it}.step1.loss"] = np32(loss.float())
        snapshot(f"iter{it}.step1")

        # Step 2: E fixed; R1, R2 minimise MSE_s - L_dis(x_t). Source and target in separate passes.
        opt_r.zero_grad()
        with torch.no_grad():
            hs = E(xs_t)
        loss_s = mse(R1(hs), ys_t) + mse(R2(hs), ys_t)
        with torch.no_grad():
            ht = E(xt_t)
        loss_d = l_dis(ht)
        (loss_s - loss_d).backward(); opt_r.step()
        out[f"mrd.iter{it}.step2.loss_mse"] = np32(loss_s.float())
        out[f"mrd.iter{it}.step2.loss_dis"] = np32(loss_d.float())
        snapshot(f"iter{it}.step2")

        # Step 3: R1, R2 fixed; E minimises L_dis(x_t), m = 3 times.
        for p in list(R1.parameters()) + list(R2.parameters()):
            p.requires_grad_(False)
        for k in range(1, 4):
            opt_e.zero_grad()
            loss_d = l_dis(E(xt_t))
            loss_d.backward(); opt_e.step()
            out[f"mrd.iter{it}.step3.{k}.loss_dis"] = np32(loss_d.float())
            snapshot(f"iter{it}.step3.{k}")
        for p in list(R1.parameters()) + list(R2.parameters()):
            p.requires_grad_(True)

    if write:
        write_safetensors(os.path.join(OUT, "mrd.safetensors"), out, {
            "generator": "tests/golden/make_golden.py", "torch": torch.__version__,
            "network": "E = [Linear(6,5,bias=False) BN(5) SELU Dropout(0)] [Linear(5,4,bias=False) BN(4) SELU Dropout(0)]; "
                       "R1 = [Linear(4,4,bias=False) BN SELU Dropout(0)] Linear(4,1); "
                       "R2 = [Linear(4,4,bias=False) BN SELU Dropout(0)] x2, Linear(4,1); nn.Sequential state_dict names; "
                       "initial weights from torch.manual_seed(11) default init",
            "data": "mrd.xs (8x6) with labels mrd.ys (8x1); mrd.xt (10x6) unlabelled target",
            "optimizers": "Adam lr 1e-3 (betas 0.9/0.999, eps 1e-8) for E; another for R1+R2",
            "procedure": "3 iterations; every forward in train mode. step1: zero both, hs=E(xs), "
                         "L=MSE(R1(hs),ys)+MSE(R2(hs),ys), backward, step both. step2: zero R, hs=E(xs) and "
                         "ht=E(xt) without grad (E fixed, BN stats still move), L=MSE_s - mean|R1(ht)-R2(ht)|, step R. "
                         "step3 (k=1..3): zero E, L=mean|R1(E(xt))-R2(E(xt))|, step E (R frozen)",
            "names": "mrd.<stage>.<E|R1|R2>.<state_dict key> after each stage: init, iter<i>.step1, iter<i>.step2, "
                     "iter<i>.step3.<k>; losses mrd.iter<i>.step1.loss, step2.loss_mse, step2.loss_dis, step3.<k>.loss_dis"})
    return out


# ---------------------------------------------------------------- methods beyond the paper (issue 15)

def methods():
    """Three full training iterations of adabn, dan and adda on a tiny network (as mrd())."""
    mse = torch.nn.functional.mse_loss
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    rng = np.random.default_rng(15)
    xs = rng.normal(size=(8, 6)).astype(np.float32)
    ys = rng.uniform(1, 5, size=(8, 1)).astype(np.float32)
    xt = (rng.normal(size=(10, 6)) * 1.5 + 0.3).astype(np.float32)
    xs_t, ys_t, xt_t = t(xs), t(ys), t(xt)
    out = {"methods.xs": xs, "methods.ys": ys, "methods.xt": xt}

    def networks(seed):
        # SerAdapt's layout at width 4: E = 2 blocks 6 -> 4 -> 4, R = 1 block + Linear(4, 1) ("regressor-layers" 2).
        torch.manual_seed(seed)
        E = torch.nn.Sequential(*block(6, 4), *block(4, 4)).train()
        R = torch.nn.Sequential(*block(4, 4), torch.nn.Linear(4, 1)).train()
        return E, R

    def snapshot(method, stage, nets):
        snapshot_into(out, method, stage, nets)

    # AdaBN: Source-only steps, then every BatchNorm's running statistics := its input's target mean and
    # population variance (the values one train-mode pass over the whole target uses).
    E, R = networks(21)
    snapshot("adabn", "init", {"E": E, "R": R})
    opt = torch.optim.Adam(list(E.parameters()) + list(R.parameters()), lr=1e-3)
    for it in range(1, 4):
        opt.zero_grad()
        loss = mse(R(E(xs_t)), ys_t)
        loss.backward(); opt.step()
        out[f"adabn.iter{it}.mse"] = np32(loss)
        snapshot("adabn", f"iter{it}", {"E": E, "R": R})
    stats = {}
    hooks = [m.register_forward_hook(lambda m, inp, _: stats.__setitem__(m, (inp[0].mean(0), inp[0].var(0, unbiased=False))))
             for m in list(E) + list(R) if isinstance(m, torch.nn.BatchNorm1d)]
    with torch.no_grad():
        R(E(xt_t))
        for m, (mean, var) in stats.items():
            m.running_mean.copy_(mean); m.running_var.copy_(var)
    for h in hooks:
        h.remove()
    snapshot("adabn", "target", {"E": E, "R": R})

    # DAN: min_{E,R} MSE(R(E(x_s)), y_s) + 1 * MK-MMD^2(E(x_s), E(x_t)), 5 kernels, multiplier 2; source pass first.
    E, R = networks(22)
    snapshot("dan", "init", {"E": E, "R": R})
    opt = torch.optim.Adam(list(E.parameters()) + list(R.parameters()), lr=1e-3)
    for it in range(1, 4):
        opt.zero_grad()
        hs = E(xs_t)
        regression = mse(R(hs), ys_t)
        alignment = mmd_loss(hs, E(xt_t))
        (regression + alignment).backward(); opt.step()
        out[f"dan.iter{it}.mse"] = np32(regression)
        out[f"dan.iter{it}.mmd"] = np32(alignment)
        snapshot("dan", f"iter{it}", {"E": E, "R": R})

    # ADDA: one pre-training step (Source-only), then E_s := copy of E, and three adversarial iterations:
    # D step min_D BCE(D(E_s(x_s)), 1)/2 + BCE(D(E_t(x_t)), 0)/2; E_t step min_{E_t} BCE(D(E_t(x_t)), 1).
    E, R = networks(23)
    torch.manual_seed(24)
    # Index 0 stands for SerAdapt's gradient reversal layer (identity in ADDA), so weights are named alike.
    D = torch.nn.Sequential(torch.nn.Identity(), *block(4, 4), torch.nn.Linear(4, 1)).train()
    snapshot("adda", "init", {"E": E, "R": R, "D": D})
    opt = torch.optim.Adam(list(E.parameters()) + list(R.parameters()), lr=1e-3)
    opt.zero_grad()
    loss = mse(R(E(xs_t)), ys_t)
    loss.backward(); opt.step()
    out["adda.pretrain.mse"] = np32(loss)
    snapshot("adda", "pretrain", {"E": E, "R": R, "D": D})
    Es = copy.deepcopy(E).train()
    for p in Es.parameters():
        p.requires_grad_(False)
    opt_d = torch.optim.Adam(D.parameters(), lr=1e-3)
    opt_t = torch.optim.Adam(E.parameters(), lr=1e-3)
    for it in range(1, 4):
        opt_d.zero_grad()
        with torch.no_grad():
            hs = Es(xs_t)
            ht = E(xt_t)
        d_source = bce(D(hs), torch.ones(8, 1))
        d_target = bce(D(ht), torch.zeros(10, 1))
        (0.5 * d_source + 0.5 * d_target).backward(); opt_d.step()
        opt_t.zero_grad()
        confusion = bce(D(E(xt_t)), torch.ones(10, 1))
        confusion.backward(); opt_t.step()
        out[f"adda.iter{it}.discriminator"] = np32((d_source + d_target) / 2)
        out[f"adda.iter{it}.confusion"] = np32(confusion)
        snapshot("adda", f"iter{it}", {"E": E, "R": R, "D": D, "Es": Es})

    write_safetensors(os.path.join(OUT, "methods.safetensors"), out, {
        "generator": "tests/golden/make_golden.py --methods", "torch": torch.__version__,
        "network": "E = [Linear(6,4,bias=False) BN(4) SELU Dropout(0)] [Linear(4,4,bias=False) BN SELU Dropout(0)]; "
                   "R = [Linear(4,4,bias=False) BN SELU Dropout(0)] Linear(4,1); ADDA's D = [Identity] "
                   "[Linear(4,4,bias=False) BN SELU Dropout(0)] Linear(4,1); initial weights torch default init "
                   "(seeds 21 adabn, 22 dan, 23 adda, 24 D)",
        "data": "methods.xs (8x6), methods.ys (8x1), methods.xt (10x6); every forward in train mode; Adam lr 1e-3",
        "procedure": "adabn: 3 Source-only steps, then BN running stats := target mean and population variance of each BN input "
                     "(stage 'target'). dan: 3 steps of MSE + MK-MMD^2 (mmd_loss, 5 kernels, x2), source pass before target. "
                     "adda: 1 pre-training step (stage 'pretrain'), E_s := E, then 3 iterations of a D step "
                     "(E_s(xs), E(xt) without grad) and an E step (fresh Adam for D and for E)",
        "names": "<method>.<stage>.<E|R|D|Es>.<state_dict key>; losses adabn.iter<i>.mse, dan.iter<i>.mse/mmd, "
                 "adda.pretrain.mse, adda.iter<i>.discriminator/confusion"})


def conditioning():
    """How far float32 PyTorch lands from float64 PyTorch: the floor for any float32 reimplementation."""
    a = mrd(torch.float32, write=False)
    b = mrd(torch.float64, write=False)
    worst = {}
    for k in a:
        if k.startswith("mrd.iter3.step3.3.") or k.startswith("mrd.iter1.step1."):
            err = np.max(np.abs(a[k].astype(np.float64) - b[k].astype(np.float64))) if a[k].size else 0.0
            worst[k] = err
    for k, v in sorted(worst.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  float32 vs float64 {k}: max abs diff {v:.3g}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) == 2 and sys.argv[1] == "--mmd":
        mmd()
        sys.exit(0)
    if len(sys.argv) == 2 and sys.argv[1] == "--methods":
        methods()
        sys.exit(0)
    if len(sys.argv) == 2 and sys.argv[1] == "--subspace":
        subspace()
        sys.exit(0)
    if len(sys.argv) == 2 and sys.argv[1] == "--conditioning":
        conditioning()
        sys.exit(0)
    os.makedirs(OUT, exist_ok=True)
    layers()
    losses()
    mmd()
    optim()
    mrd()
    methods()
    subspace()
    print("wrote", ", ".join(sorted(f for f in os.listdir(OUT) if f.endswith(".safetensors"))), "in", os.path.normpath(OUT))
