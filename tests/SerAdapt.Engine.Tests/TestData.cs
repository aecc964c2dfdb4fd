namespace SerAdapt.Engine.Tests;

internal static class TestData
{
    public static Matrix Uniform(Rng rng, int rows, int cols, float low = -1f, float high = 1f)
    {
        var m = new Matrix(rows, cols);
        rng.FillUniform(m.Span, low, high);
        return m;
    }

    public static Matrix Normal(Rng rng, int rows, int cols, float std = 1f)
    {
        var m = new Matrix(rows, cols);
        rng.FillNormal(m.Span, 0f, std);
        return m;
    }

    /// <summary>Moves every entry at least <paramref name="margin"/> away from <paramref name="kink"/> (kept on its side).</summary>
    public static Matrix AwayFrom(Matrix m, float kink, float margin)
    {
        var s = m.Span;
        for (int i = 0; i < s.Length; i++)
        {
            float d = s[i] - kink;
            if (MathF.Abs(d) < margin)
                s[i] = kink + (d >= 0 ? margin : -margin);
        }
        return m;
    }
}
