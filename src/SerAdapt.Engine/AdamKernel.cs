using System.Numerics;

namespace SerAdapt.Engine;

/// <summary>Adam's fused per-element update (one pass over p, g, m, v): a vector body and a scalar tail.</summary>
internal static class AdamKernel
{
    public static void Update(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v,
        float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float biasCorrection2Sqrt,
        float eps, float negStepSize, float weightDecay)
    {
        int n = p.Length;
        if (g.Length != n || m.Length != n || v.Length != n)
            throw new ShapeMismatchException($"Adam: lengths p {n}, g {g.Length}, m {m.Length}, v {v.Length}.");
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var b1 = new Vector<float>(beta1);
            var c1 = new Vector<float>(oneMinusBeta1);
            var b2 = new Vector<float>(beta2);
            var c2 = new Vector<float>(oneMinusBeta2);
            var bc2 = new Vector<float>(biasCorrection2Sqrt);
            var e = new Vector<float>(eps);
            var step = new Vector<float>(negStepSize);
            var wd = new Vector<float>(weightDecay);
            for (; i <= n - w; i += w)
            {
                var pv = new Vector<float>(p[i..]);
                var gv = new Vector<float>(g[i..]);
                if (weightDecay != 0f)
                    gv += wd * pv;
                var mv = new Vector<float>(m[i..]) * b1 + c1 * gv;
                var vv = new Vector<float>(v[i..]) * b2 + c2 * gv * gv;
                var denom = Vector.SquareRoot(vv) / bc2 + e;
                pv += step * mv / denom;
                mv.CopyTo(m[i..]);
                vv.CopyTo(v[i..]);
                pv.CopyTo(p[i..]);
            }
        }
        for (; i < n; i++)
        {
            float gi = g[i];
            if (weightDecay != 0f)
                gi += weightDecay * p[i];
            float mi = m[i] * beta1 + oneMinusBeta1 * gi;
            float vi = v[i] * beta2 + oneMinusBeta2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] += negStepSize * mi / (MathF.Sqrt(vi) / biasCorrection2Sqrt + eps);
        }
    }
}
