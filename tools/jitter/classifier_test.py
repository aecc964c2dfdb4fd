#!/usr/bin/env python3
"""Eighth attempt at cPitchJitter's drop rule: can any learner predict the drops from the step?

Run by hand (never from the tests); needs numpy, scikit-learn (Debian: python3-sklearn), the
reference wavs, label_steps.py's pickle and the F0 files it was made with:
    python3 tools/jitter/classifier_test.py --shared /work/shared --f0-dir DIR --variant is10 LABELS.pkl

Every labelled step of a speech file (segments without an unexplained row) becomes one row of 63
features: its place in the row and segment, position against the frame start F_t (absolute, in
periods, of its data end), lag, period, parabolic offset, correlation (double and float32 sums) and
the correlations at L +- 1, 2, amplitudes and their ratio, search range, T0 and the F0 changes,
samples and slopes at the window boundaries and F_t, window energies, means, extremum positions and
zero crossings, the previous step's lag, correlation and label, and the change of T against the
previous and the last kept step. A gradient-boosted classifier is trained leave-one-file-out and
compared with the majority guess per kind of step (first of a row / catch-up); a random forest on all
steps gives the importances. Result (docs/features-lld.md, "Eighth look"): no better than the guess.
"""
import argparse, os, pickle, sys
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_steps import labelled_segments, pearson, read_wav  # noqa: E402


def features(labels, shared, f0_dir, variant):
    rows = []
    for f in sorted(labels):
        if labels[f] is None or f.startswith('syn_silence') or f.startswith('syn_white') or f == 'alsa_Noise': continue
        x = read_wav(os.path.join(shared, 'opensmile-is10', 'samples', f, f + '.wav')).astype(np.float64)
        f0 = np.loadtxt(os.path.join(f0_dir, f + ('.Is10.txt' if variant == 'is10' else '.Is10Compat.txt')), ndmin=1)
        for seg in labelled_segments(labels[f]):
            last_kept = None; prev_step = None; prev_lab = None; nseg = 0; rowpos = 0
            for (t, lb, steps) in seg:
                Ft = 160 * (t + 1)
                rowpos += 1
                if lb in ('H', 'S') or not steps:
                    continue
                for i, s in enumerate(steps):
                    p, L, T = s['p'], s['L'], s['T']
                    if p + 2 * L + 3 >= len(x) or p < 3: continue
                    w1 = x[p:p + L]; w2 = x[p + L:p + 2 * L]
                    ccs = {}
                    for dl in (-2, -1, 1, 2):
                        LL = L + dl
                        ccs[dl] = pearson(x[p:p + LL], x[p + LL:p + 2 * LL]) if LL > 2 else 0
                    lo, hi = s['lo'], s['hi']
                    # float32 correlation
                    a32 = w1.astype(np.float32); b32 = w2.astype(np.float32)
                    n = np.float32(L)
                    sa = np.float32(0); sb = np.float32(0); sab = np.float32(0); saa = np.float32(0); sbb = np.float32(0)
                    sa = a32.sum(dtype=np.float32); sb = b32.sum(dtype=np.float32)
                    sab = (a32 * b32).sum(dtype=np.float32); saa = (a32 * a32).sum(dtype=np.float32); sbb = (b32 * b32).sum(dtype=np.float32)
                    num32 = sab - sa * sb / n; va32 = saa - sa * sa / n; vb32 = sbb - sb * sb / n
                    cc32 = float(num32 / np.sqrt(va32 * vb32)) if va32 * vb32 > 0 else 0
                    r = dict(
                        file=f, t=t, i=i, nsteps=len(steps), drop=int(lb[i] == 'D'), first=int(i == 0),
                        prevlab=(-1 if prev_lab is None else int(prev_lab == 'D')), nseg=nseg, rowpos=rowpos,
                        rel=p - Ft, rel_end=p + 2 * L - Ft, relL=(p - Ft) / L, relmod=((p - Ft) % L) / L,
                        L=L, T=T, frac=T - L, cc=s['cc'], cc32=cc32, cc32diff=cc32 - s['cc'],
                        ccm1=ccs[-1], ccp1=ccs[1], ccm2=ccs[-2], ccp2=ccs[2], curv=ccs[-1] + ccs[1] - 2 * s['cc'],
                        A1=float(s['A1']), A2=float(s['A2']), Arat=float(s['A1']) / max(float(s['A2']), 1e-9),
                        lo=lo, hi=hi, Llo=L - lo, hiL=hi - L, T0=16000 / f0[t], TT0=T / (16000 / f0[t]), f0=f0[t],
                        df0p=f0[t] - f0[t - 1] if t > 0 else 0, df0n=(f0[t + 1] - f0[t]) if t + 1 < len(f0) else 0,
                        x_p=x[p], x_p1=x[p + 1], x_pL1=x[p + L - 1], x_pL=x[p + L], x_pL2=x[p + 2 * L - 1], x_p2L=x[p + 2 * L],
                        dx_p=x[p] - x[p - 1], dx_pL=x[p + L] - x[p + L - 1], dx_p2L=x[p + 2 * L] - x[p + 2 * L - 1],
                        e1=(w1 ** 2).sum(), e2=(w2 ** 2).sum(), erat=(w1 ** 2).sum() / max((w2 ** 2).sum(), 1e-12),
                        m1=w1.mean(), m2=w2.mean(), argmax1=w1.argmax() / L, argmin1=w1.argmin() / L,
                        argmax2=w2.argmax() / L, argmin2=w2.argmin() / L,
                        zc1=int((np.diff(np.sign(w1)) != 0).sum()), zc2=int((np.diff(np.sign(w2)) != 0).sum()),
                        xFt=x[Ft], xFt160=x[Ft + 160] if Ft + 160 < len(x) else 0,
                        dT_kept=(T - last_kept['T']) if last_kept else 0, dT_prev=(T - prev_step['T']) if prev_step else 0,
                        dA_prev=(float(s['A1']) - float(prev_step['A1'])) if prev_step else 0,
                        pcc=prev_step['cc'] if prev_step else 0, pL=prev_step['L'] if prev_step else 0,
                        Ftmod320=Ft % 320, pmod2=p % 2, Lmod2=L % 2,
                    )
                    rows.append(r)
                    prev_step = s; prev_lab = lb[i]
                    if lb[i] == 'K': last_kept = s
                    nseg += 1
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shared', required=True)
    ap.add_argument('--f0-dir', required=True)
    ap.add_argument('--variant', choices=('is10', 'compat'), default='is10')
    ap.add_argument('labels')
    a = ap.parse_args()
    labels = pickle.load(open(a.labels, 'rb'))
    rows = [r for r in features(labels, a.shared, a.f0_dir, a.variant) if not r['file'].startswith('syn_')]
    names = [k for k in rows[0] if k not in ('file', 'drop', 't')]
    X = np.array([[r[k] for k in names] for r in rows], float)
    y = np.array([r['drop'] for r in rows])
    files = np.array([r['file'] for r in rows])
    first = X[:, names.index('first')] == 1
    pred = np.zeros(len(y)); guess = np.zeros(len(y))
    for f in np.unique(files):
        test = files == f; train = ~test
        model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0)
        pred[test] = model.fit(X[train], y[train]).predict(X[test])
        for kind in (True, False):
            guess[test & (first == kind)] = int(y[train & (first == kind)].mean() > 0.5)
    print(f'{len(y)} speech steps, {y.sum()} dropped, {len(names)} features, leave-one-file-out')
    for name, mask in (('all', np.ones(len(y), bool)), ('first', first), ('catch-up', ~first)):
        print('%-9s n=%4d  boosted trees %.3f  majority guess %.3f' % (
            name, mask.sum(), (pred[mask] == y[mask]).mean(), (guess[mask] == y[mask]).mean()))
    forest = RandomForestClassifier(n_estimators=300, min_samples_leaf=5, random_state=0, n_jobs=2).fit(X, y)
    top = sorted(zip(forest.feature_importances_, names), reverse=True)[:12]
    print('random forest importances:', ', '.join('%s %.3f' % (n, v) for v, n in top))


if __name__ == '__main__':
    main()
