#!/usr/bin/env python3
"""Label openSMILE's dropped jitter steps by replaying our period tracker against its LLD output.

Run by hand (never from the tests); needs numpy and the reference data:
    python3 tools/jitter/label_steps.py --shared /work/shared --f0-dir DIR [--variant is10|compat]
        [--reach R] [--edge] [--stale] [-o labels.pkl] [FILE ...]

The tracker is the one of src/SerAdapt.Features/PitchJitter.cs (docs/features-lld.md, "jitter: what
is known"), guided by our un-smoothed F0final, which is identical to openSMILE's on the 21 files:
DIR/<file>.Is10.txt and DIR/<file>.Is10Compat.txt, one value per F0 row, i.e.
Is10LldExtractor.Compute(samples, variant).F0FinalUnsmoothed written one number per line.
Because lld2 smooths with noZeroSma, a smoothed jitter value is 0 exactly when the raw one is, so
the raw rows can be recovered by a beam search: at every row each of its steps is kept or dropped
(every subset), and a candidate survives if its smoothed row t-1 matches the reference in all
three columns to 2e-4 relative (1e-4 floor). is10 compares with the exact float32 .IS10_lld.htk
(noZeroSma), compat with the 7-digit .IS10compat_lld.csv (plain 3-frame mean).

Options: --reach R limits a step's lags to p + 2 (L + 1) <= F_t + R; --edge then takes no step
when the cut range's best lag lies on its edge; --stale adds the per-row option "S" (no step, the
previous row's periods re-evaluated with the state updated, tracker not advanced; slow).

Output (pickle): {file: [(t, label, steps), ...]} with one entry per F0 row t; label is 'U'
(unvoiced), 'H' (no step, held), 'S', a string of 'K'/'D' per step (kept / dropped), or '?'
(no candidate matched: the row is unexplained and the first candidate continues as if all the
row's steps were kept). steps: list of dicts p (first sample), L (lag), T (refined period), A1, A2 (peak-to-peak
amplitudes), cc (correlation at L), lo, hi (search range). F_t = 160 (t + 1).
"""
import argparse, itertools, os, pickle, struct, wave
import numpy as np


def read_wav(path):
    w = wave.open(path)
    return np.frombuffer(w.readframes(w.getnframes()), dtype='<i2').astype(np.float32) / np.float32(32767)


def labelled_segments(labels):
    """The voiced segments of one file's labels (split at unvoiced rows 'U'), without segments that
    hold an unexplained row ('?'); labels may be label()'s list or the older (list, n) tuple."""
    labels = labels[0] if isinstance(labels, tuple) else labels
    segs, seg = [], []
    for e in labels:
        if e[1] == 'U':
            if seg: segs.append(seg)
            seg = []
        else:
            seg.append(e)
    if seg: segs.append(seg)
    return [seg for seg in segs if not any('?' in e[1] for e in seg)]


def read_htk(path):
    b = open(path, 'rb').read()
    n, _, size, _ = struct.unpack('>iihh', b[:12])
    return np.frombuffer(b[12:], dtype='>f4').reshape(n, size // 4).astype(np.float64)


def reference(shared, f, variant):
    """(F0final_sma per row, smoothed jitterLocal/jitterDDP/shimmerLocal per row, noZero smoothing?)"""
    d = os.path.join(shared, 'opensmile-is10', 'samples', f)
    if variant == 'is10':
        with open(os.path.join(d, f + '.IS10_lld.csv')) as fh:
            hdr = fh.readline().strip().split(';')
        h = read_htk(os.path.join(d, f + '.IS10_lld.htk'))
        # the .htk holds the csv's columns without name and frameTime
        col = {n: i - 2 for i, n in enumerate(hdr)}
        f0 = h[:, col['F0final_sma']]
        jit = h[:, [col['jitterLocal_sma'], col['jitterDDP_sma'], col['shimmerLocal_sma']]]
        return f0, jit, True
    rows = [l.strip().split(';') for l in open(os.path.join(d, f + '.IS10compat_lld.csv'))]
    hdr, rows = rows[0], rows[1:]
    get = lambda n: np.array([float(r[hdr.index(n)]) for r in rows])
    return get('F0final_sma'), np.stack([get(n) for n in ('jitterLocal_sma', 'jitterDDP_sma', 'shimmerLocal_sma')], 1), False


def pearson(a, b):
    a = a.astype(np.float64); b = b.astype(np.float64); n = len(a)
    sa, sb = a.sum(), b.sum()
    va = (a * a).sum() - sa * sa / n; vb = (b * b).sum() - sb * sb / n
    d = np.sqrt(max(va * vb, 0))
    return ((a * b).sum() - sa * sb / n) / d if d > 0 else 0.0


def step(x, p, lo, hi):
    lags = range(lo - 1, hi + 2)
    cc = [pearson(x[p:p + L], x[p + L:p + 2 * L]) for L in lags]
    best = 1
    for i in range(2, len(cc) - 1):
        if cc[i] > cc[best]: best = i
    l, m, r = cc[best - 1], cc[best], cc[best + 1]; den = l - 2 * m + r
    L = lags[best]
    w1, w2 = x[p + 1:p + L - 1], x[p + L + 1:p + 2 * L - 1]
    return dict(p=p, L=L, T=L + (0.5 * (l - r) / den if den < 0 else 0), A1=np.float32(w1.max() - w1.min()),
                A2=np.float32(w2.max() - w2.min()), cc=m, lo=lo, hi=hi)


def search_range(f0, rel):
    t0 = 16000.0 / f0
    lo = max(2, int(np.floor((1 - rel) * t0)))
    return lo, max(lo, int(np.ceil((1 + rel) * t0)))


def row_stats(steps, last_t, last_d):
    j = dd = sh = st = sa = 0.0; nj = nd = 0
    for s in steps:
        if last_t > 0:
            d = abs(s['T'] - last_t); j += d; nj += 1
            if last_d > 0: dd += abs(d - last_d); nd += 1
            last_d = d
        last_t = s['T']; st += s['T']
        sh += abs(float(s['A1']) - float(s['A2'])); sa += float(s['A1']) + float(s['A2'])
    n = len(steps); mt = st / n; ma = sa / (2 * n)
    out = (j / nj / mt if nj else 0, dd / nd / mt if nd else 0, min(1, sh / n / ma) if ma > 0 else 0)
    return tuple(float(np.float32(v)) for v in out), last_t, last_d


def smoothed_ok(raw, t, ref, nozero):
    """Does the candidate's raw row t-1 (with its neighbours) give the reference's smoothed row t-1?"""
    if t < 1: return True
    r = np.array(raw[-3:] if t >= 2 else [raw[0]] + raw[-2:])
    for c in range(3):
        v = r[:, c]
        if nozero:
            nz = [q for q in v if q != 0]
            s = 0 if v[1] == 0 else sum(nz) / len(nz)
        else:
            s = v.sum() / 3
        if abs(s - ref[t - 1, c]) > 2e-4 * max(abs(ref[t - 1, c]), 1e-4): return False
    return True


def label(shared, f0_dir, f, variant, reach, edge, stale, beam=16):
    x = read_wav(os.path.join(shared, 'opensmile-is10', 'samples', f, f + '.wav'))
    _, ref, nozero = reference(shared, f, variant)
    f0 = np.loadtxt(os.path.join(f0_dir, f + ('.Is10.txt' if variant == 'is10' else '.Is10Compat.txt')), ndmin=1)
    rel = 0.2 if variant == 'is10' else 0.25
    cache = {}

    def take(p, lo, hi, ft):
        hi_cut = min(hi, (ft + reach - p) // 2 - 1) if reach else hi
        key = (p, lo, hi_cut)
        if key not in cache: cache[key] = step(x, p, lo, max(lo, hi_cut))
        s = cache[key]
        if edge and hi_cut < hi and s['L'] in (lo, max(lo, hi_cut)): return None
        return s

    cands = [dict(raw=[], last_t=0, last_d=0, held=(0, 0, 0), lab=[], pos=-1, prev=None)]
    for t in range(len(f0)):
        ft = 160 * (t + 1)
        if t % 50 == 0:
            for k in [k for k in cache if k[0] < ft - 3000]: del cache[k]
        new = []
        for c in cands:
            opts = []  # (raw row, last_t, last_d, held vector, label, position, periods of the row)
            if f0[t] <= 0:
                opts.append(((0, 0, 0), 0, 0, (0, 0, 0), 'U', -1, None, []))
            else:
                pos = c['pos'] if c['pos'] >= 0 else ft
                lo, hi = search_range(f0[t], rel)
                steps, p = [], pos
                if p <= ft:
                    while p + 2 * (hi + 1) <= len(x) and (not steps or p + 2 * hi + 2 <= ft + 160):
                        s = take(p, lo, hi, ft)
                        if s is None: break
                        steps.append(s); p += s['L']
                if not steps:
                    opts.append((c['held'], c['last_t'], c['last_d'], c['held'], 'H', p, c['prev'], []))
                for k in range(len(steps), 0 if steps else 1, -1):
                    for keep in itertools.combinations(range(len(steps)), k):
                        lab = ''.join('K' if i in keep else 'D' for i in range(len(steps)))
                        kept = [steps[i] for i in keep]
                        o, lt, ld = row_stats(kept, c['last_t'], c['last_d'])
                        opts.append((o, lt, ld, o, lab, p, kept, steps))
                if steps:
                    opts.append((c['held'], c['last_t'], c['last_d'], c['held'], 'D' * len(steps), p, c['prev'], steps))
                if stale and steps and c['prev']:
                    o, lt, ld = row_stats(c['prev'], c['last_t'], c['last_d'])
                    opts.append((o, lt, ld, o, 'S', pos, c['prev'], []))
            if c is cands[0]:
                fallback = opts[0]  # all steps kept (or held / unvoiced): how an unexplained row continues
            for o, lt, ld, held, lab, npos, prev, steps in opts:
                raw = c['raw'] + [o]
                if smoothed_ok(raw, t, ref, nozero):
                    new.append(dict(raw=raw, last_t=lt, last_d=ld, held=held, lab=c['lab'] + [(t, lab, steps)],
                                    pos=npos, prev=prev))
        if not new:  # unexplained: continue the first candidate as if all its steps were kept
            c = cands[0]
            o, lt, ld, held, lab, npos, prev, steps = fallback
            new = [dict(raw=c['raw'] + [o], last_t=lt, last_d=ld, held=held, lab=c['lab'] + [(t, '?', steps)],
                        pos=npos, prev=prev)]
        seen = {}
        for c in new:
            key = (c['pos'], round(c['last_t'], 6), round(c['last_d'], 6), tuple(round(v, 7) for v in c['held']),
                   tuple(round(v, 7) for v in c['raw'][-1]))
            seen.setdefault(key, c)
        cands = sorted(seen.values(), key=lambda c: sum(1 for l in c['lab'] if l[1] == 'S'))[:beam]
    return cands[0]['lab']


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shared', required=True)
    ap.add_argument('--f0-dir', required=True)
    ap.add_argument('--variant', choices=('is10', 'compat'), default='is10')
    ap.add_argument('--reach', type=int, default=0)
    ap.add_argument('--edge', action='store_true')
    ap.add_argument('--stale', action='store_true')
    ap.add_argument('-o', '--output', default='labels.pkl')
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    files = a.files or sorted(os.listdir(os.path.join(a.shared, 'opensmile-is10', 'samples')))
    res = {}
    for f in files:
        labs = label(a.shared, a.f0_dir, f, a.variant, a.reach, a.edge, a.stale)
        res[f] = labs
        n = lambda ch: sum(l[1].count(ch) for l in labs if l[1] not in ('?', 'U', 'H', 'S'))
        print(f, 'kept', n('K'), 'dropped', n('D'), 'stale', sum(l[1] == 'S' for l in labs),
              'unexplained', sum(l[1] == '?' for l in labs), flush=True)
    tmp = a.output + '.tmp'
    with open(tmp, 'wb') as fh: pickle.dump(res, fh)
    os.replace(tmp, a.output)


if __name__ == '__main__':
    main()
