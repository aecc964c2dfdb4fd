using Xunit.Abstractions;

namespace SerAdapt.Engine.Tests;

/// <summary>
/// SymmetricEigen and Svd against torch.linalg.eigh and torch.svd in float64 (Golden/subspace.safetensors):
/// eigenvalues, eigenvectors up to sign (compared as |V|), and the gradient of a sign-invariant loss.
/// </summary>
public class LinearAlgebraParityTests(ITestOutputHelper output)
{
    private static double[] Doubles(Golden golden, string name) => golden.File[name].Values.Select(v => (double)v).ToArray();

    private static float[] Floats(ReadOnlySpan<double> values)
    {
        var f = new float[values.Length];
        for (int i = 0; i < f.Length; i++) f[i] = (float)values[i];
        return f;
    }

    [Fact]
    public void SymmetricEigen_MatchesTorchEigh()
    {
        var golden = Golden.Load("subspace.safetensors");
        const int n = 5;
        var a = Doubles(golden, "eigh.a");
        var w = Doubles(golden, "eigh.w");
        var c = Doubles(golden, "eigh.c");
        var values = new double[n];
        var vectors = new double[n * n];
        SymmetricEigen.Decompose(a, n, values, vectors, new double[n * n]);
        golden.AssertClose("eigh.values", Floats(values));
        golden.AssertClose("eigh.absvectors", vectors.Select(v => (float)Math.Abs(v)).ToArray());
        var gv = new double[n * n];
        for (int i = 0; i < gv.Length; i++) gv[i] = c[i] * Math.Sign(vectors[i]);
        var grad = new double[n * n];
        SymmetricEigen.Backward(values, vectors, n, w, gv, grad, new double[2 * n * n]);
        golden.AssertClose("eigh.da", Floats(grad));
        output.WriteLine(golden.Summary);
    }

    [Fact]
    public void Svd_MatchesTorchSvd()
    {
        var golden = Golden.Load("subspace.safetensors");
        const int r = 4, c = 9;
        var a = Doubles(golden, "svd.a");
        var cw = Doubles(golden, "svd.c");
        var wl = Doubles(golden, "svd.w");
        var svd = new Svd();
        svd.Forward(a, r, c);
        golden.AssertClose("svd.singular", Enumerable.Range(0, r).Select(i => (float)svd.Singular(i)).ToArray());
        golden.AssertClose("svd.absright", svd.Right.ToArray().Select(v => (float)Math.Abs(v)).ToArray());
        var gr = new double[c * r];
        for (int i = 0; i < gr.Length; i++) gr[i] = cw[i] * Math.Sign(svd.Right[i]);
        var grad = new double[r * c];
        svd.Backward(gr, [], wl, grad);
        golden.AssertClose("svd.da", Floats(grad));
        output.WriteLine(golden.Summary);
    }
}
