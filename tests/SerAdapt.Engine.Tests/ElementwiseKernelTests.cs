namespace SerAdapt.Engine.Tests;

/// <summary>The engine's own element-wise kernels (vector body + scalar tail) over every length 0..257.</summary>
public class ElementwiseKernelTests
{
    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = 0; n <= 257; n++)
            data.Add(n);
        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SeluKernel_MatchesScalarDefinition_AtEveryLength(int n)
    {
        var rng = new Rng((ulong)n);
        var x = new float[n];
        rng.FillUniform(x, -4f, 4f);
        var y = new float[n];
        var dy = new float[n];
        var dx = new float[n];
        rng.FillUniform(dy, -1f, 1f);
        SeluKernel.Forward(x, y);
        SeluKernel.Backward(x, y, dy, dx);
        for (int i = 0; i < n; i++)
        {
            double v = x[i];
            double expected = v > 0 ? 1.0507009873554804934193349852946 * v : 1.0507009873554804934193349852946 * 1.6732632423543772848170429916717 * (Math.Exp(v) - 1);
            double slope = v > 0 ? 1.0507009873554804934193349852946 : 1.0507009873554804934193349852946 * 1.6732632423543772848170429916717 * Math.Exp(v);
            Assert.True(Math.Abs(y[i] - expected) <= 1e-6 + 1e-6 * Math.Abs(expected), $"y[{i}] = {y[i]}, expected {expected}");
            Assert.True(Math.Abs(dx[i] - dy[i] * slope) <= 1e-6, $"dx[{i}] = {dx[i]}, expected {dy[i] * slope}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AdamKernel_MatchesScalarDefinition_AtEveryLength(int n)
    {
        var rng = new Rng(1000 + (ulong)n);
        var p = new float[n];
        var g = new float[n];
        var m = new float[n];
        var v = new float[n];
        rng.FillUniform(p, -1f, 1f);
        rng.FillUniform(g, -1f, 1f);
        rng.FillUniform(m, -0.1f, 0.1f);
        rng.FillUniform(v, 0f, 0.01f);
        var (p0, m0, v0) = (p.ToArray(), m.ToArray(), v.ToArray());
        const double lr = 1e-2, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.01;
        int t = 3;
        double bc1 = 1 - Math.Pow(b1, t), bc2 = 1 - Math.Pow(b2, t);
        AdamKernel.Update(p, g, m, v, (float)b1, (float)(1 - b1), (float)b2, (float)(1 - b2), (float)Math.Sqrt(bc2), (float)eps, (float)(-lr / bc1), (float)wd);
        for (int i = 0; i < n; i++)
        {
            double gi = g[i] + wd * p0[i];
            double mi = b1 * m0[i] + (1 - b1) * gi;
            double vi = b2 * v0[i] + (1 - b2) * gi * gi;
            double pi = p0[i] - lr / bc1 * mi / (Math.Sqrt(vi) / Math.Sqrt(bc2) + eps);
            Assert.True(Math.Abs(m[i] - mi) <= 1e-7, $"m[{i}]");
            Assert.True(Math.Abs(v[i] - vi) <= 1e-8, $"v[{i}]");
            Assert.True(Math.Abs(p[i] - pi) <= 2e-6, $"p[{i}] = {p[i]}, expected {pi}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void WideningSums_MatchDoubleDefinition_AtEveryLength(int n)
    {
        var rng = new Rng(2000 + (ulong)n);
        var x = new float[n];
        var y = new float[n];
        var mean = new double[n];
        rng.FillUniform(x, -3f, 3f);
        rng.FillUniform(y, -3f, 3f);
        for (int i = 0; i < n; i++)
            mean[i] = rng.NextDouble();
        var sum = new double[n];
        var sumWithProduct = new double[n];
        var product = new double[n];
        var squares = new double[n];
        for (int i = 0; i < n; i++)
            (sum[i], sumWithProduct[i], product[i], squares[i]) = (0.5, 0.5, -0.25, 1.0);
        WideningSum.Add(x, sum);
        WideningSum.AddWithProduct(x, y, sumWithProduct, product);
        WideningSum.AddSquaredDeviation(x, mean, squares);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(0.5 + x[i], sum[i], 14);
            Assert.Equal(sum[i], sumWithProduct[i]);
            Assert.Equal(-0.25 + (double)x[i] * y[i], product[i], 14);
            Assert.Equal(1.0 + (x[i] - mean[i]) * (x[i] - mean[i]), squares[i], 13);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void BatchNormKernels_MatchTheScalarFormulasExactly_AtEveryLength(int n)
    {
        var rng = new Rng(3000 + (ulong)n);
        float[] Random(float lo, float hi)
        {
            var a = new float[n];
            rng.FillUniform(a, lo, hi);
            return a;
        }
        float[] x = Random(-3f, 3f), shift = Random(-1f, 1f), invStd = Random(0.1f, 3f), gamma = Random(-2f, 2f), beta = Random(-1f, 1f);
        float[] dy = Random(-1f, 1f), negMean = Random(-0.5f, 0.5f), meanDy = Random(-0.5f, 0.5f);
        var xhat = new float[n];
        var y = new float[n];
        var dx = new float[n];
        BatchNormKernel.Normalize(x, shift, invStd, gamma, beta, xhat, y);
        BatchNormKernel.InputGradient(xhat, dy, negMean, meanDy, invStd, dx);
        for (int i = 0; i < n; i++)
        {
            float h = (x[i] - shift[i]) * invStd[i];
            Assert.Equal(h, xhat[i]);
            Assert.Equal(MathF.FusedMultiplyAdd(h, gamma[i], beta[i]), y[i]);
            Assert.Equal((MathF.FusedMultiplyAdd(h, negMean[i], dy[i]) - meanDy[i]) * invStd[i], dx[i]);
        }
    }
}
