namespace SerAdapt.Engine.Tests;

/// <summary>
/// The one finite-difference gradient checker for every layer and loss.
/// <para>
/// The engine computes in float32, so the check does too, with central differences
/// (f(x + h) - f(x - h)) / (2h), h = 1e-2, and the scalar objective summed in double. Error budget:
/// truncation is O(h^2 |f'''|) ~ 1e-4 for the smooth functions here (inputs are kept at least 2h
/// from the kinks of SELU and |.|); float32 rounding of f is about |f| * 6e-8 per term, so over
/// ~100 terms of size ~1 the noise in the quotient is ~1e-6 / h ~ 1e-4. A tolerance of
/// 2e-3 + 1e-2 |g| therefore passes a correct gradient with room to spare and fails any real
/// mistake (a wrong factor, sign, transpose or missing term is off by O(|g|)).
/// </para>
/// </summary>
internal static class GradientChecker
{
    public const float Step = 1e-2f;
    private const double AbsoluteTolerance = 2e-3;
    private const double RelativeTolerance = 1e-2;

    /// <summary>
    /// Checks dx and every parameter gradient of <paramref name="module"/> at <paramref name="x"/>
    /// for the objective L = sum(w * module(x)) with a fixed random w. Returns how many entries were checked.
    /// </summary>
    public static int CheckModule(Module module, Matrix x, Rng rng)
    {
        var y = module.Forward(x);
        var w = new Matrix(y.Rows, y.Cols);
        rng.FillUniform(w.Span, -1f, 1f);
        module.ZeroGrad();
        var dx = module.Backward(w).Clone();
        double Objective()
        {
            var o = module.Forward(x);
            double s = 0;
            for (int i = 0; i < o.Length; i++)
                s += (double)o.Span[i] * w.Span[i];
            return s;
        }
        int checkedCount = Check("input", x.Buffer, x.Offset, x.Length, dx.Span, Objective);
        foreach (var (name, p) in module.NamedParameters())
            checkedCount += Check(name, p.Value.Buffer, p.Value.Offset, p.Value.Length, p.Grad.Span.ToArray(), Objective);
        return checkedCount;
    }

    /// <summary>Checks both gradients of <paramref name="loss"/> at (a, b), scaled by <paramref name="scale"/>.</summary>
    public static int CheckLoss(Loss loss, Matrix a, Matrix b, float scale = 1f)
    {
        loss.Forward(a, b);
        loss.Backward(scale);
        var ga = loss.GradA.Clone();
        var gb = loss.GradB.Clone();
        double Objective() => scale * (double)loss.Forward(a, b);
        return Check("a", a.Buffer, a.Offset, a.Length, ga.Span, Objective)
            + Check("b", b.Buffer, b.Offset, b.Length, gb.Span, Objective);
    }

    /// <summary>Checks the accumulated gradient of <paramref name="parameter"/> against <paramref name="objective"/>.</summary>
    public static int CheckParameter(string name, Parameter parameter, Func<double> objective) =>
        Check(name, parameter.Value.Buffer, parameter.Value.Offset, parameter.Value.Length, parameter.Grad.Span.ToArray(), objective);

    private static int Check(string what, float[] buffer, int offset, int length, ReadOnlySpan<float> analytic, Func<double> objective)
    {
        Assert.Equal(length, analytic.Length);
        for (int i = 0; i < length; i++)
        {
            ref float v = ref buffer[offset + i];
            float original = v;
            v = original + Step;
            float plus = v;
            double fPlus = objective();
            v = original - Step;
            float minus = v;
            double fMinus = objective();
            v = original;
            double numeric = (fPlus - fMinus) / ((double)plus - minus);
            double error = Math.Abs(numeric - analytic[i]);
            double allowed = AbsoluteTolerance + RelativeTolerance * Math.Abs(numeric);
            Assert.True(error <= allowed,
                $"d/d{what}[{i}]: analytic {analytic[i]:G6}, finite differences {numeric:G6} (error {error:G3} > {allowed:G3}).");
        }
        objective(); // leave the caches of the unperturbed point
        return length;
    }
}
