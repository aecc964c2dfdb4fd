using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SerAdapt.Engine;

/// <summary>Adam's fused per-element update (one pass over p, g, m, v): a vector body and a scalar tail.</summary>
internal static class AdamKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Update(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v,
        float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float biasCorrection2Sqrt,
        float eps, float negStepSize, float weightDecay)
    {
        int n = p.Length;
        if (g.Length != n || m.Length != n || v.Length != n)
            throw new ShapeMismatchException($"Adam: lengths p {n}, g {g.Length}, m {m.Length}, v {v.Length}.");
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var b1 = Vector512.Create(beta1);
            var c1 = Vector512.Create(oneMinusBeta1);
            var b2 = Vector512.Create(beta2);
            var c2 = Vector512.Create(oneMinusBeta2);
            var bc2 = Vector512.Create(biasCorrection2Sqrt);
            var e = Vector512.Create(eps);
            var step = Vector512.Create(negStepSize);
            var wd = Vector512.Create(weightDecay);
            ref float pr = ref MemoryMarshal.GetReference(p);
            ref float gr = ref MemoryMarshal.GetReference(g);
            ref float mr = ref MemoryMarshal.GetReference(m);
            ref float vr = ref MemoryMarshal.GetReference(v);
            for (; i <= n - 16; i += 16)
            {
                var pv = Vector512.LoadUnsafe(ref pr, (nuint)i);
                var gv = Vector512.LoadUnsafe(ref gr, (nuint)i);
                if (weightDecay != 0f)
                    gv += wd * pv;
                var mv = Vector512.LoadUnsafe(ref mr, (nuint)i) * b1 + c1 * gv;
                var vv = Vector512.LoadUnsafe(ref vr, (nuint)i) * b2 + c2 * gv * gv;
                var denom = Vector512.Sqrt(vv) / bc2 + e;
                pv += step * mv / denom;
                mv.StoreUnsafe(ref mr, (nuint)i);
                vv.StoreUnsafe(ref vr, (nuint)i);
                pv.StoreUnsafe(ref pr, (nuint)i);
            }
        }
        else if (Vector.IsHardwareAccelerated)
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
