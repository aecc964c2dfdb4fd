#!/usr/bin/env python3
"""Sixth attempt at cPitchJitter's drop rule: test per-row wave-window hypotheses against the labels.

Run by hand (never from the tests); needs numpy, the reference wavs and pickles of label_steps.py:
    python3 tools/jitter/window_tests.py --shared /work/shared LABELS.pkl [LABELS.pkl ...]

Accepts label_steps.py's layout ({file: [(t, label, steps), ...]}) and the older
{file: ([(t, label, steps), ...], n)} one. Uses the steps of segments without an unexplained row,
minus each segment's first step (its drop is the onset heuristic's business); the sawtooth is left
out of the statistics (it is periodic, so every position rule is tested on it by hand, see
docs/features-lld.md). "gain" = accuracy of the rule minus that of the majority class.

1. Window containment: a step is kept (or dropped) iff its reads [p, p + 2 (L + 1)) (the lag
   chosen) or [p, p + 2 (hi + 1)) (the whole search range) lie inside [F_t + a, F_t + b), for every
   a in [-700, 200) and b in [-300, 1000) (step 4): every window at a fixed offset of F_t (the 60 ms
   frame, the 25 ms frame, 160 t, the frame centre, the previous row's window, a read-position end).
2. Both windows of the step moved by d (the step computed on another window's data): drop iff the
   Pearson correlation of x[p+d, p+d+L) and x[p+d+L, p+d+2L) is below 0.5 (minCC) or below the
   best threshold, d from -960 to 960 (step 8).
3. Row patterns: how often a dropped step sits between two kept steps of the same row (KDK, and
   DKD), which excludes "the whole row attempt is discarded and retried".
"""
import argparse, collections, os, pickle, sys
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_steps import labelled_segments, pearson, read_wav  # noqa: E402


def load_steps(path):
    d = pickle.load(open(path, 'rb'))
    out = []
    for f, v in d.items():
        for seg in labelled_segments(v):
            idx = 0
            for t, lab, steps in seg:
                if lab in ('H', 'S') or not steps: continue
                for i, s in enumerate(steps):
                    r = dict(s); r.update(f=f, t=t, Ft=160 * (t + 1), place=i, lab=lab[i], segidx=idx, row=lab)
                    out.append(r); idx += 1
    return out


def gain(pred, y):
    return (pred == y).mean() - max(y.mean(), 1 - y.mean())


def containment(S):
    y = np.array([r['lab'] == 'D' for r in S])
    s = np.array([r['p'] - r['Ft'] for r in S])
    ends = {'L': np.array([r['p'] + 2 * (r['L'] + 1) - r['Ft'] for r in S]),
            'hi': np.array([r['p'] + 2 * (r['hi'] + 1) - r['Ft'] for r in S])}
    best = (-1, None)
    for a in range(-700, 200, 4):
        for b in range(-300, 1000, 4):
            for nm, e in ends.items():
                inside = (s >= a) & (e <= b)
                for drop_inside in (False, True):
                    g = gain(inside == drop_inside, y)
                    if g > best[0]: best = (g, (a, b, nm, 'drop inside' if drop_inside else 'drop outside'))
    return best


def shifted_cc(S, wav):
    y = np.array([r['lab'] == 'D' for r in S])
    best = (-1, None)
    for dl in range(-960, 961, 8):
        v = []
        for r in S:
            x = wav(r['f']); p = r['p'] + dl; L = r['L']
            if p < 0 or p + 2 * L > len(x):
                v.append(0.0); continue
            v.append(pearson(x[p:p + L], x[p + L:p + 2 * L]))
        v = np.array(v)
        g05 = gain(v < 0.5, y)
        gb = max(max(gain(v < th, y), gain(v >= th, y)) for th in np.quantile(v, np.linspace(0.02, 0.98, 49)))
        if gb > best[0]: best = (gb, (dl, round(g05, 4)))
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shared', required=True)
    ap.add_argument('labels', nargs='+')
    a = ap.parse_args()
    cache = {}

    def wav(f):
        if f not in cache:
            cache[f] = read_wav(os.path.join(a.shared, 'opensmile-is10', 'samples', f, f + '.wav'))
        return cache[f]

    for path in a.labels:
        R = [r for r in load_steps(path) if not r['f'].startswith('syn_saw')]
        rows = collections.Counter(r['row'] for r in R if r['place'] == 0)
        print(path, 'rows KDK', rows['KDK'], 'DKD', rows['DKD'])
        R = [r for r in R if r['segidx'] > 0]
        for name, S in (('first', [r for r in R if r['place'] == 0]), ('catch-up', [r for r in R if r['place'] > 0])):
            y = np.array([r['lab'] == 'D' for r in S])
            print(f'  {name}: {len(S)} steps, {y.mean():.3f} dropped')
            g, rule = containment(S)
            print(f'    window containment: best gain {g:+.4f} {rule}')
            g, rule = shifted_cc(S, wav)
            print(f'    shifted windows cc: best gain {g:+.4f} (shift, gain of cc < 0.5) {rule}', flush=True)


if __name__ == '__main__':
    main()
