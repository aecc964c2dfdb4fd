namespace SerAdapt.Engine;

/// <summary>
/// Reusable double scratch for the linear algebra of a loss: an array is kept and handed back while it is
/// large enough, so a training step of a fixed shape allocates nothing once its buffers are sized.
/// </summary>
public static class DoubleBuffer
{
    /// <summary>A span of <paramref name="length"/> doubles over <paramref name="buffer"/>, grown when too short; contents not cleared.</summary>
    public static Span<double> Ensure(ref double[] buffer, int length)
    {
        if (buffer.Length < length)
            buffer = new double[length];
        return buffer.AsSpan(0, length);
    }

    /// <summary><paramref name="m"/>'s values, row-major, widened into <paramref name="buffer"/>.</summary>
    public static Span<double> From(Matrix m, ref double[] buffer)
    {
        var d = Ensure(ref buffer, m.Length);
        var s = m.Span;
        for (int i = 0; i < s.Length; i++) d[i] = s[i];
        return d;
    }

    /// <summary>Rounds <paramref name="source"/> (row-major, at least as long) into <paramref name="destination"/>.</summary>
    public static void CopyTo(ReadOnlySpan<double> source, Matrix destination)
    {
        var s = destination.Span;
        for (int i = 0; i < s.Length; i++) s[i] = (float)source[i];
    }
}
