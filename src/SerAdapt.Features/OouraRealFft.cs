namespace SerAdapt.Features;

/// <summary>
/// Real DFT of power-of-two length N in float32 arithmetic, with the operation order of Takuya
/// Ooura's radix-4/2 package (fft4g, "rdft"; freely usable, Copyright 1996-2001 Takuya Ooura),
/// which openSMILE uses in single precision. The same numbers, rounded the same way, are what make
/// the 8th-order LPC of IS10's LSPs reproducible: its roots move by 1e-4 when a spectrum bin moves
/// by one float ulp (docs/features-lld.md). Output layout as Ooura's: a[0] = R[0], a[1] = R[N/2],
/// a[2k] = R[k], a[2k+1] = I[k] = sum x[j] sin(2 pi j k / N) (the negated imaginary part of the
/// usual DFT), 0 &lt; k &lt; N/2. Tables are built once; an instance is not thread-safe.
/// </summary>
public sealed class OouraRealFft
{
    public static bool UseFma;
    private static float Mad(float a, float b, float c) => UseFma ? MathF.FusedMultiplyAdd(a, b, c) : a * b + c;

    private readonly int _n;
    private readonly int[] _ip;
    private readonly float[] _w;   // cos/sin table of the complex FFT (N/4)
    private readonly float[] _c;   // cos table of the real split (N/4)

    public OouraRealFft(int n)
    {
        if (n < 16 || (n & (n - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, "FFT length must be a power of two >= 16.");
        _n = n;
        _ip = new int[2 + (1 << (int)(Math.Log(n / 2 + 0.5) / Math.Log(2)) / 2) + 2];
        _w = new float[n / 4];
        _c = new float[n / 4];
        MakeWt(n >> 2);
        MakeCt(n >> 2);
    }

    public int Length => _n;

    /// <summary>In-place forward real DFT of a[0..N) (see the class text for the output layout).</summary>
    public void Forward(Span<float> a)
    {
        if (a.Length != _n) throw new ArgumentException($"FFT input has {a.Length} samples, expected {_n}.", nameof(a));
        BitReverse(_n, a);
        ComplexForward(_n, a);
        RealSplit(_n, a);
        float xi = a[0] - a[1];
        a[0] += a[1];
        a[1] = xi;
    }

    private void MakeWt(int nw)
    {
        var w = _w;
        int nwh = nw >> 1;
        double delta = Math.Atan(1.0) / nwh;
        w[0] = 1;
        w[1] = 0;
        w[nwh] = (float)Math.Cos(delta * nwh);
        w[nwh + 1] = w[nwh];
        if (nwh > 2)
        {
            for (int j = 2; j < nwh; j += 2)
            {
                float x = (float)Math.Cos(delta * j), y = (float)Math.Sin(delta * j);
                w[j] = x;
                w[j + 1] = y;
                w[nw - j] = y;
                w[nw - j + 1] = x;
            }
            BitReverse(nw, w);
        }
    }

    private void MakeCt(int nc)
    {
        var c = _c;
        int nch = nc >> 1;
        double delta = Math.Atan(1.0) / nch;
        c[0] = (float)Math.Cos(delta * nch);
        c[nch] = 0.5f * c[0];
        for (int j = 1; j < nch; j++)
        {
            c[j] = (float)(0.5 * Math.Cos(delta * j));
            c[nc - j] = (float)(0.5 * Math.Sin(delta * j));
        }
    }

    // Ooura's bitrv2: the bit-reversal permutation of n/2 complex values (table in _ip[2..]).
    private void BitReverse(int n, Span<float> a)
    {
        var ip = _ip.AsSpan(2);
        ip[0] = 0;
        int l = n, m = 1;
        while ((m << 3) < l)
        {
            l >>= 1;
            for (int j = 0; j < m; j++) ip[m + j] = ip[j] + l;
            m <<= 1;
        }
        int m2 = 2 * m;
        if ((m << 3) == l)
        {
            for (int k = 0; k < m; k++)
            {
                for (int j = 0; j < k; j++)
                {
                    int j1 = 2 * j + ip[k], k1 = 2 * k + ip[j];
                    Swap(a, j1, k1);
                    j1 += m2; k1 += 2 * m2;
                    Swap(a, j1, k1);
                    j1 += m2; k1 -= m2;
                    Swap(a, j1, k1);
                    j1 += m2; k1 += 2 * m2;
                    Swap(a, j1, k1);
                }
                int jj = 2 * k + m2 + ip[k];
                Swap(a, jj, jj + m2);
            }
        }
        else
        {
            for (int k = 1; k < m; k++)
            {
                for (int j = 0; j < k; j++)
                {
                    int j1 = 2 * j + ip[k], k1 = 2 * k + ip[j];
                    Swap(a, j1, k1);
                    Swap(a, j1 + m2, k1 + m2);
                }
            }
        }
    }

    private static void Swap(Span<float> a, int j1, int k1)
    {
        (a[j1], a[k1]) = (a[k1], a[j1]);
        (a[j1 + 1], a[k1 + 1]) = (a[k1 + 1], a[j1 + 1]);
    }

    // Ooura's cftfsub: radix-4 passes (cft1st, cftmdl...), then a last radix-4 or radix-2 pass.
    private void ComplexForward(int n, Span<float> a)
    {
        int l = 2;
        if (n > 8)
        {
            FirstPass(n, a);
            l = 8;
            while ((l << 2) < n)
            {
                MiddlePass(n, l, a);
                l <<= 2;
            }
        }
        if ((l << 2) == n)
        {
            for (int j = 0; j < l; j += 2)
                Butterfly4(a, j, j + l, j + 2 * l, j + 3 * l);
        }
        else
        {
            for (int j = 0; j < l; j += 2)
            {
                int j1 = j + l;
                float x0r = a[j] - a[j1], x0i = a[j + 1] - a[j1 + 1];
                a[j] += a[j1];
                a[j + 1] += a[j1 + 1];
                a[j1] = x0r;
                a[j1 + 1] = x0i;
            }
        }
    }

    // The untwiddled radix-4 butterfly (first group of cftmdl and the last pass of cftfsub).
    private static void Butterfly4(Span<float> a, int j, int j1, int j2, int j3)
    {
        float x0r = a[j] + a[j1], x0i = a[j + 1] + a[j1 + 1];
        float x1r = a[j] - a[j1], x1i = a[j + 1] - a[j1 + 1];
        float x2r = a[j2] + a[j3], x2i = a[j2 + 1] + a[j3 + 1];
        float x3r = a[j2] - a[j3], x3i = a[j2 + 1] - a[j3 + 1];
        a[j] = x0r + x2r;
        a[j + 1] = x0i + x2i;
        a[j2] = x0r - x2r;
        a[j2 + 1] = x0i - x2i;
        a[j1] = x1r - x3i;
        a[j1 + 1] = x1i + x3r;
        a[j3] = x1r + x3i;
        a[j3 + 1] = x1i - x3r;
    }

    // The radix-4 butterfly with twiddle 45 degrees (second group of cft1st/cftmdl).
    private static void Butterfly4Eighth(Span<float> a, int j, int j1, int j2, int j3, float wk1r)
    {
        float x0r = a[j] + a[j1], x0i = a[j + 1] + a[j1 + 1];
        float x1r = a[j] - a[j1], x1i = a[j + 1] - a[j1 + 1];
        float x2r = a[j2] + a[j3], x2i = a[j2 + 1] + a[j3 + 1];
        float x3r = a[j2] - a[j3], x3i = a[j2 + 1] - a[j3 + 1];
        a[j] = x0r + x2r;
        a[j + 1] = x0i + x2i;
        a[j2] = x2i - x0i;
        a[j2 + 1] = x0r - x2r;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[j1] = wk1r * (x0r - x0i);
        a[j1 + 1] = wk1r * (x0r + x0i);
        x0r = x3i + x1r;
        x0i = x3r - x1i;
        a[j3] = wk1r * (x0i - x0r);
        a[j3 + 1] = wk1r * (x0i + x0r);
    }

    // The general twiddled radix-4 butterfly; rotated = the "-wk2i, wk2r" form of the odd groups.
    private static void Butterfly4Twiddled(Span<float> a, int j, int j1, int j2, int j3,
        float wk1r, float wk1i, float wk2r, float wk2i, float wk3r, float wk3i, bool rotated)
    {
        float x0r = a[j] + a[j1], x0i = a[j + 1] + a[j1 + 1];
        float x1r = a[j] - a[j1], x1i = a[j + 1] - a[j1 + 1];
        float x2r = a[j2] + a[j3], x2i = a[j2 + 1] + a[j3 + 1];
        float x3r = a[j2] - a[j3], x3i = a[j2 + 1] - a[j3 + 1];
        a[j] = x0r + x2r;
        a[j + 1] = x0i + x2i;
        x0r -= x2r;
        x0i -= x2i;
        if (rotated)
        {
            a[j2] = Mad(-wk2i, x0r, -(wk2r * x0i));
            a[j2 + 1] = Mad(-wk2i, x0i, wk2r * x0r);
        }
        else
        {
            a[j2] = Mad(wk2r, x0r, -(wk2i * x0i));
            a[j2 + 1] = Mad(wk2r, x0i, wk2i * x0r);
        }
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[j1] = Mad(wk1r, x0r, -(wk1i * x0i));
        a[j1 + 1] = Mad(wk1r, x0i, wk1i * x0r);
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        a[j3] = Mad(wk3r, x0r, -(wk3i * x0i));
        a[j3 + 1] = Mad(wk3r, x0i, wk3i * x0r);
    }

    // Ooura's cft1st: the first radix-4 pass on groups of 8 values (4 complex).
    private void FirstPass(int n, Span<float> a)
    {
        var w = _w;
        Butterfly4(a, 0, 2, 4, 6);
        Butterfly4Eighth(a, 8, 10, 12, 14, w[2]);
        int k1 = 0;
        for (int j = 16; j < n; j += 16)
        {
            k1 += 2;
            int k2 = 2 * k1;
            float wk2r = w[k1], wk2i = w[k1 + 1];
            float wk1r = w[k2], wk1i = w[k2 + 1];
            float wk3r = Mad(-(2 * wk2i), wk1i, wk1r), wk3i = Mad(2 * wk2i, wk1r, -wk1i);
            Butterfly4Twiddled(a, j, j + 2, j + 4, j + 6, wk1r, wk1i, wk2r, wk2i, wk3r, wk3i, rotated: false);
            wk1r = w[k2 + 2];
            wk1i = w[k2 + 3];
            wk3r = Mad(-(2 * wk2r), wk1i, wk1r);
            wk3i = Mad(2 * wk2r, wk1r, -wk1i);
            Butterfly4Twiddled(a, j + 8, j + 10, j + 12, j + 14, wk1r, wk1i, wk2r, wk2i, wk3r, wk3i, rotated: true);
        }
    }

    // Ooura's cftmdl: a radix-4 pass with stride l.
    private void MiddlePass(int n, int l, Span<float> a)
    {
        var w = _w;
        int m = l << 2;
        for (int j = 0; j < l; j += 2) Butterfly4(a, j, j + l, j + 2 * l, j + 3 * l);
        float wk1r = w[2];
        for (int j = m; j < l + m; j += 2) Butterfly4Eighth(a, j, j + l, j + 2 * l, j + 3 * l, wk1r);
        int k1 = 0, m2 = 2 * m;
        for (int k = m2; k < n; k += m2)
        {
            k1 += 2;
            int k2 = 2 * k1;
            float wk2r = w[k1], wk2i = w[k1 + 1];
            wk1r = w[k2];
            float wk1i = w[k2 + 1];
            float wk3r = Mad(-(2 * wk2i), wk1i, wk1r), wk3i = Mad(2 * wk2i, wk1r, -wk1i);
            for (int j = k; j < l + k; j += 2)
                Butterfly4Twiddled(a, j, j + l, j + 2 * l, j + 3 * l, wk1r, wk1i, wk2r, wk2i, wk3r, wk3i, rotated: false);
            wk1r = w[k2 + 2];
            wk1i = w[k2 + 3];
            wk3r = Mad(-(2 * wk2r), wk1i, wk1r);
            wk3i = Mad(2 * wk2r, wk1r, -wk1i);
            for (int j = k + m; j < l + (k + m); j += 2)
                Butterfly4Twiddled(a, j, j + l, j + 2 * l, j + 3 * l, wk1r, wk1i, wk2r, wk2i, wk3r, wk3i, rotated: true);
        }
    }

    // Ooura's rftfsub: turns the N/2-point complex FFT of the even/odd pairs into the real DFT.
    private void RealSplit(int n, Span<float> a)
    {
        var c = _c;
        int nc = c.Length;
        int m = n >> 1;
        int ks = 2 * nc / m;
        int kk = 0;
        for (int j = 2; j < m; j += 2)
        {
            int k = n - j;
            kk += ks;
            float wkr = 0.5f - c[nc - kk], wki = c[kk];
            float xr = a[j] - a[k], xi = a[j + 1] + a[k + 1];
            float yr = Mad(wkr, xr, -(wki * xi)), yi = Mad(wkr, xi, wki * xr);
            a[j] -= yr;
            a[j + 1] -= yi;
            a[k] += yr;
            a[k + 1] -= yi;
        }
    }
}
