#!/usr/bin/env python3
"""Seventh attempt at cPitchJitter's drop rule: numerical (float time) and output-side hypotheses.

Run by hand (never from the tests); needs numpy, the reference wavs and the pickles of label_steps.py:
    python3 tools/jitter/seventh_tests.py --shared /work/shared IS10_LABELS.pkl COMPAT_LABELS.pkl

Uses the steps of segments without an unexplained row, minus each segment's first step and the
sawtooth (as window_tests.py), replayed with the carried state (last kept period and difference),
the held output vector and the previous row's kept steps. Prints, for first steps and catch-up
steps of each variant, "gain" = accuracy of the best rule minus that of the majority class:
1. float32 time stamps: booleans that flip when a sample position or frame time goes through
   float32 seconds and back (p / fs, (p + L) / fs, (F_t - p) / fs, (t + 1) * 0.01, T / fs, ...).
2. the output side: best threshold on the row's jitterLocal / jitterDDP / shimmer computed with the
   step (alone, against the held vector, against the row so far), and on the period and amplitude
   against the previous row's mean (a "broken" threshold across rows).
3. the lag against the previous computed step's lag (L - L_prev).
4. first steps searched on the data of a shorter window (lags with p + 2 (L + 1) <= F_t + X, the
   current row's range): best threshold on that search's best correlation, its argmax on the cut
   edge, its argmax equal to the full search's, for X in [-200, 400) (step 8).
5. the same step (file, p, L) at different places in the two variants: (is10 place+label,
   compat place+label, row offset) counts.
6. other correlations: at the previous computed step's lag, at 2L and L/2, cc(L) - cc(L_prev),
   the previous step's first window against this step's first / second window, the previous
   position with this lag (best threshold and "< minCC 0.5").
7. a stale copy of the wave (slow, --stale): the step's correlation at its lag recomputed with the
   samples before F_t + e - N replaced by x[i + N] (overwritten by newer data), or the samples
   from F_t + e on replaced by x[i - N] or 0 (not yet written); best threshold and "< 0.5".
"""
import argparse, collections, os, pickle, sys
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_steps import labelled_segments, pearson, read_wav, row_stats  # noqa: E402

f32 = np.float32
FS = 16000


def replay(path):
    """Steps with their carried state, the held output and the row's output if the step is added."""
    d = pickle.load(open(path, 'rb'))
    out = []
    for f, labs in d.items():
        if f.startswith('syn_saw'): continue
        for seg in labelled_segments(labs):
            last_t = last_d = 0.0; held = (0.0, 0.0, 0.0); prevrow = []; idx = 0; lastcomp = None
            for t, lab, steps in seg:
                if lab in ('H', 'S') or not steps: continue
                rowk = []; t0, d0 = last_t, last_d
                for i, s in enumerate(steps):
                    cand = row_stats(rowk + [s], t0, d0)[0]
                    part = row_stats(rowk, t0, d0)[0] if rowk else held
                    r = dict(s)
                    r.update(f=f, t=t, Ft=160 * (t + 1), place=i, lab=lab[i], segidx=idx, last_t=last_t,
                             last_d=last_d, held=held, prevrow=list(prevrow), lastcomp=lastcomp, cand=cand, part=part,
                             d=abs(s['T'] - last_t) if last_t > 0 else 0.0)
                    out.append(r); idx += 1; lastcomp = s
                    if lab[i] == 'K':
                        rowk.append(s)
                        if last_t > 0: last_d = abs(s['T'] - last_t)
                        last_t = s['T']
                if rowk:
                    held = row_stats(rowk, t0, d0)[0]; prevrow = rowk
    return [r for r in out if r['segidx'] > 0]


def best_gain(x, y):
    """Best single threshold (either direction) minus the majority class."""
    x = np.asarray(x, float); y = np.asarray(y, bool); ys = y[np.argsort(x, kind='stable')]
    n = len(y); c1 = np.concatenate([[0], np.cumsum(ys)]); k = np.arange(n + 1)
    acc = max((((k - c1) + (c1[-1] - c1)) / n).max(), ((c1 + ((n - k) - (c1[-1] - c1))) / n).max())
    return acc - max(y.mean(), 1 - y.mean())


def groups(S):
    for place in ('first', 'catch-up'):
        R = [r for r in S if (r['place'] == 0) == (place == 'first')]
        yield place, R, np.array([r['lab'] == 'D' for r in R])


FLOAT_TESTS = {
    'f32(p/fs)*fs != p': lambda r: f32(f32(r['p']) / f32(FS)) * f32(FS) != r['p'],
    'int(f32(p/fs)*fs) != p': lambda r: int(float(f32(r['p'] / FS)) * FS) != r['p'],
    'f32(p/fs) > p/fs': lambda r: float(f32(r['p'] / FS)) > r['p'] / FS,
    'f32((p+L)/fs) > (p+L)/fs': lambda r: float(f32((r['p'] + r['L']) / FS)) > (r['p'] + r['L']) / FS,
    'f32((Ft-p)/fs) > (Ft-p)/fs': lambda r: float(f32((r['Ft'] - r['p']) / FS)) > (r['Ft'] - r['p']) / FS,
    'int((t+1)*0.01*fs) != Ft': lambda r: int((r['t'] + 1) * 0.01 * FS) != r['Ft'],
    'int(f32((t+1)*0.01)*fs) != Ft': lambda r: int(float(f32((r['t'] + 1) * 0.01)) * FS) != r['Ft'],
    'int(f32(t*0.01)*fs) != Ft-160': lambda r: int(float(f32(r['t'] * 0.01)) * FS) != r['Ft'] - 160,
    'int(f32(p/fs+T/fs)*fs) != p+L': lambda r: int(float(f32(r['p'] / FS + r['T'] / FS)) * FS) != r['p'] + r['L'],
    'f32(T) > T': lambda r: float(f32(r['T'])) > r['T'],
}


def output_features(r):
    h, c, p = r['held'], r['cand'], r['part']; e = 1e-9; F = {}
    for j, nm in enumerate(('jitterLocal', 'jitterDDP', 'shimmer')):
        F['cand ' + nm] = c[j]; F['cand/held ' + nm] = c[j] / (h[j] + e); F['cand-held ' + nm] = c[j] - h[j]
        F['|cand-held|/held ' + nm] = abs(c[j] - h[j]) / (h[j] + e); F['cand/rowSoFar ' + nm] = c[j] / (p[j] + e)
    pr = r['prevrow']
    if pr:
        mT = np.mean([q['T'] for q in pr]); mA = np.mean([float(q['A1']) + float(q['A2']) for q in pr]) / 2
        F['T/prevRowMeanT'] = r['T'] / mT; F['|T-prevRowMeanT|/prevRowMeanT'] = abs(r['T'] - mT) / mT
        F['A/prevRowMeanA'] = (float(r['A1']) + float(r['A2'])) / 2 / (mA + e)
    else:
        F['T/prevRowMeanT'] = F['|T-prevRowMeanT|/prevRowMeanT'] = F['A/prevRowMeanA'] = 0.0
    F['d/lastD'] = r['d'] / (r['last_d'] + e)
    return F


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shared', required=True)
    ap.add_argument('is10')
    ap.add_argument('compat')
    ap.add_argument('--stale', action='store_true', help='run part 7 (a few minutes)')
    a = ap.parse_args()
    data = {'is10': replay(a.is10), 'compat': replay(a.compat)}
    cols = [(v, g) for v in data for g in ('first', 'catch-up')]
    print('gain per', ', '.join('%s %s' % c for c in cols))

    print('1. float32 time stamps')
    for name, fn in FLOAT_TESTS.items():
        gs = [best_gain([fn(r) for r in R], y) for v in data for _, R, y in groups(data[v])]
        print('  %-34s' % name, ' '.join('%+.3f' % g for g in gs))

    print('2. output side (best threshold)')
    res = collections.defaultdict(list)
    for v in data:
        for _, R, y in groups(data[v]):
            FF = [output_features(r) for r in R]
            for k in FF[0]: res[k].append(best_gain([f[k] for f in FF], y))
    for k, gs in sorted(res.items(), key=lambda kv: -max(kv[1])):
        print('  %-34s' % k, ' '.join('%+.3f' % g for g in gs))

    print('3. L - L_prev (previous computed step): dropped / all')
    for v in data:
        for place, R, _ in groups([r for r in data[v] if r['lastcomp'] is not None]):
            c = collections.Counter((max(-3, min(3, r['L'] - r['lastcomp']['L'])), r['lab']) for r in R)
            print('  %-6s %-8s' % (v, place), ' '.join('%+d: %d/%d' % (k, c[(k, 'D')], c[(k, 'D')] + c[(k, 'K')])
                                                   for k in range(-3, 4)))

    print('4. first steps searched on a shorter window: (X, cc thr, edge, same L) best 3')
    wavs = {}
    for v in data:
        R = [r for r in data[v] if r['place'] == 0]; y = np.array([r['lab'] == 'D' for r in R]); curves = []
        for r in R:
            if r['f'] not in wavs:
                wavs[r['f']] = read_wav(os.path.join(a.shared, 'opensmile-is10', 'samples', r['f'], r['f'] + '.wav'))
            x = wavs[r['f']]; p = r['p']; lags = np.arange(max(2, r['lo']), r['hi'] + 1)
            curves.append((lags, np.array([pearson(x[p:p + L], x[p + L:p + 2 * L]) if p + 2 * L <= len(x) else 0
                                           for L in lags])))
        res = []
        for X in range(-200, 400, 8):
            fcc, fedge, fsame = [], [], []
            for r, (lags, cc) in zip(R, curves):
                m = lags <= min(r['hi'], (r['Ft'] + X - r['p']) // 2 - 1)
                if not m.any():
                    fcc.append(-2.0); fedge.append(1.0); fsame.append(0.0); continue
                i = int(np.argmax(np.where(m, cc, -9)))
                fcc.append(cc[i]); fedge.append(float(not m[min(i + 1, len(m) - 1)] or i == len(m) - 1))
                fsame.append(float(lags[i] == r['L']))
            res.append((X, best_gain(fcc, y), best_gain(fedge, y), best_gain(fsame, y)))
        res.sort(key=lambda z: -max(z[1:]))
        print('  %-6s' % v, ' '.join('(%d: %+.3f %+.3f %+.3f)' % z for z in res[:3]))

    print('5. same step at different places (is10, compat, row offset): count')
    A = {v: {(r['f'], r['p'], r['L']): r for r in data[v]} for v in data}
    pl = lambda z: ('F' if z['place'] == 0 else 'C%d' % z['place']) + z['lab']
    c = collections.Counter()
    for k, r in A['is10'].items():
        q = A['compat'].get(k)
        if q and (r['place'] == 0) != (q['place'] == 0): c[(pl(r), pl(q), q['t'] - r['t'])] += 1
    for k, n in sorted(c.items()): print('  ', k, n)

    print('6. other correlations: best threshold (threshold at 0.5)')
    for v in data:
        for place, R, y in groups([r for r in data[v] if r['lastcomp'] is not None]):
            F = collections.defaultdict(list)
            for r in R:
                x = wavs.get(r['f'])
                if x is None:
                    x = wavs[r['f']] = read_wav(os.path.join(a.shared, 'opensmile-is10', 'samples', r['f'], r['f'] + '.wav'))
                p, L, q = r['p'], r['L'], r['lastcomp']; Lp, pp = q['L'], q['p']
                ccp = pearson(x[p:p + Lp], x[p + Lp:p + 2 * Lp])
                F['cc(L_prev)'].append(ccp)
                F['cc(2L)'].append(pearson(x[p:p + 2 * L], x[p + 2 * L:p + 4 * L]) if p + 4 * L <= len(x) else 0.0)
                F['cc(L/2)'].append(pearson(x[p:p + L // 2], x[p + L // 2:p + 2 * (L // 2)]))
                F['cc(L)-cc(L_prev)'].append(r['cc'] - ccp)
                F['prev win1 x win1'].append(pearson(x[pp:pp + Lp], x[p:p + Lp]))
                F['prev win1 x win2'].append(pearson(x[pp:pp + L], x[p + L:p + 2 * L]))
                F['prev p, lag L'].append(pearson(x[pp:pp + L], x[pp + L:pp + 2 * L]))
            print('  %-6s %-8s' % (v, place), '; '.join('%s %+.3f (%+.3f)' % (k, best_gain(f, y), best_gain(np.array(f) < 0.5, y))
                                                   for k, f in F.items()))

    if not a.stale: return
    print('7. stale wave: best (gain, gain of < 0.5, N, e) over the grid')
    for v in data:
        for place, R, y in groups(data[v]):
            for kind, Ns, es in (('older overwritten', (256, 320, 480, 512, 640, 800, 960, 1024, 1280, 1600, 2048), range(-160, 961, 32)),
                                 ('newer unwritten', (0, 160, 256, 320, 480, 512, 640, 800, 960, 1024, 1600, 16000), range(-160, 481, 16))):
                best = (-1, 0, 0, 0)
                for N in Ns:
                    for e in es:
                        cc = []
                        for r in R:
                            x = wavs[r['f']]; p, L = r['p'], r['L']; E = r['Ft'] + e
                            seg = x[p:p + 2 * L].copy(); idx = np.arange(p, p + 2 * L)
                            if kind == 'older overwritten':
                                m = (idx < E - N) & (idx + N < len(x)); seg[m] = x[idx[m] + N]
                            else:
                                m = (idx >= E) & (idx - N >= 0); seg[m] = x[idx[m] - N] if N > 0 else 0
                            cc.append(pearson(seg[:L], seg[L:]))
                        cc = np.array(cc); g = (best_gain(cc, y), best_gain(cc < 0.5, y), N, e)
                        if max(g[:2]) > max(best[:2]): best = g
                print('  %-6s %-8s %-18s %+.3f %+.3f N=%d e=%d' % ((v, place, kind) + best))


if __name__ == '__main__':
    main()
