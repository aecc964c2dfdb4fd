namespace SerAdapt.Features;

/// <summary>
/// Real DFT of power-of-two length N >= 64 in float32 arithmetic, with the operation order of
/// Takuya Ooura's split-radix package (fftsg.c, "rdft" forward path; Copyright Takuya Ooura
/// 1996-2001, freely usable, modified here: float32, forward only, bit reversal as a table).
/// Output layout as Ooura's: a[0] = R[0], a[1] = R[N/2], a[2k] = R[k], a[2k+1] = I[k] =
/// sum x[j] sin(2 pi j k / N) (the negated imaginary part of the usual DFT), 0 &lt; k &lt; N/2.
/// <paramref name="floatTableLocals"/> chooses how a float build of fftsg computes its twiddle
/// tables: true (the default) = the angle step itself is a float, which is what reproduces
/// openSMILE's spectra bit for bit; false = angles in double, rounded once when stored. Tables are built once; an instance is not thread-safe.
/// </summary>
public sealed class OouraSplitRadixFft
{
    private readonly int _n;
    private readonly int _nw;
    private readonly float[] _w;  // makewt's table (nw = N/4 values)
    private readonly float[] _c;  // makect's table (nc = N/4 values)
    private readonly int[] _swap; // pairs of complex indices exchanged by bitrv2

    public OouraSplitRadixFft(int n, bool floatTableLocals = true)
    {
        if (n < 64 || (n & (n - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, "FFT length must be a power of two >= 64.");
        _n = n;
        _nw = n >> 2;
        _w = floatTableLocals ? MakeWtFloat(_nw) : MakeWtDouble(_nw);
        _c = MakeCt(n >> 2, floatTableLocals);
        _swap = BitReversalPairs(n >> 1);
    }

    public int Length => _n;

    /// <summary>In-place forward real DFT of a[0..N) (see the class text for the output layout).</summary>
    public void Forward(Span<float> a)
    {
        if (a.Length != _n) throw new ArgumentException($"FFT input has {a.Length} samples, expected {_n}.", nameof(a));
        ComplexForward(a);
        RealSplit(a);
        float xi = a[0] - a[1];
        a[0] += a[1];
        a[1] = xi;
    }

    /// <summary>|X[k]|, k = 0..N/2, of a transform in Ooura's layout (<see cref="Forward"/>), in float32.</summary>
    public static void Magnitudes(ReadOnlySpan<float> a, Span<float> magnitude)
    {
        int half = a.Length / 2;
        magnitude[0] = MathF.Abs(a[0]);
        magnitude[half] = MathF.Abs(a[1]);
        for (int k = 1; k < half; k++)
        {
            float re = a[2 * k], im = a[2 * k + 1];
            magnitude[k] = (float)Math.Sqrt(re * re + im * im);
        }
    }

    /// <summary>The bins k = 0..N/2 of a transform in Ooura's layout as the usual DFT's real and imaginary parts.</summary>
    public static void Unpack(ReadOnlySpan<float> a, Span<float> re, Span<float> im)
    {
        int half = a.Length / 2;
        re[0] = a[0]; im[0] = 0;
        re[half] = a[1]; im[half] = 0;
        for (int k = 1; k < half; k++)
        {
            re[k] = a[2 * k];
            im[k] = -a[2 * k + 1];
        }
    }

    private static float[] MakeWtDouble(int nw)
    {
        var w = new float[nw];
        int nwh = nw >> 1;
        double delta = Math.Atan(1.0) / nwh;
        double wn4r = Math.Cos(delta * nwh);
        w[0] = 1;
        w[1] = (float)wn4r;
        if (nwh == 4)
        {
            w[2] = (float)Math.Cos(delta * 2);
            w[3] = (float)Math.Sin(delta * 2);
        }
        else if (nwh > 4)
        {
            w[2] = (float)(0.5 / Math.Cos(delta * 2));
            w[3] = (float)(0.5 / Math.Cos(delta * 6));
            for (int j = 4; j < nwh; j += 4)
            {
                w[j] = (float)Math.Cos(delta * j);
                w[j + 1] = (float)Math.Sin(delta * j);
                w[j + 2] = (float)Math.Cos(3 * delta * j);
                w[j + 3] = (float)-Math.Sin(3 * delta * j);
            }
        }
        MakeWtSubTables(w, nw, (float)wn4r);
        return w;
    }

    // The same table when fftsg's locals (delta, wn4r) are float: each angle is a float product.
    private static float[] MakeWtFloat(int nw)
    {
        var w = new float[nw];
        int nwh = nw >> 1;
        float delta = (float)(Math.Atan(1.0) / nwh);
        float wn4r = (float)Math.Cos(delta * nwh);
        w[0] = 1;
        w[1] = wn4r;
        if (nwh == 4)
        {
            w[2] = (float)Math.Cos(delta * 2);
            w[3] = (float)Math.Sin(delta * 2);
        }
        else if (nwh > 4)
        {
            w[2] = (float)(0.5 / Math.Cos(delta * 2));
            w[3] = (float)(0.5 / Math.Cos(delta * 6));
            for (int j = 4; j < nwh; j += 4)
            {
                w[j] = (float)Math.Cos(delta * j);
                w[j + 1] = (float)Math.Sin(delta * j);
                w[j + 2] = (float)Math.Cos(3 * delta * j);
                w[j + 3] = (float)-Math.Sin(3 * delta * j);
            }
        }
        MakeWtSubTables(w, nw, wn4r);
        return w;
    }

    // The tables of the smaller stages, each copied (every other entry) from the one before.
    private static void MakeWtSubTables(float[] w, int nw, float wn4r)
    {
        int nwh = nw >> 1, nw0 = 0;
        while (nwh > 2)
        {
            int nw1 = nw0 + nwh;
            nwh >>= 1;
            w[nw1] = 1;
            w[nw1 + 1] = wn4r;
            if (nwh == 4)
            {
                w[nw1 + 2] = w[nw0 + 4];
                w[nw1 + 3] = w[nw0 + 5];
            }
            else if (nwh > 4)
            {
                w[nw1 + 2] = (float)(0.5 / w[nw0 + 4]);
                w[nw1 + 3] = (float)(0.5 / w[nw0 + 6]);
                for (int j = 4; j < nwh; j += 4)
                {
                    w[nw1 + j] = w[nw0 + 2 * j];
                    w[nw1 + j + 1] = w[nw0 + 2 * j + 1];
                    w[nw1 + j + 2] = w[nw0 + 2 * j + 2];
                    w[nw1 + j + 3] = w[nw0 + 2 * j + 3];
                }
            }
            nw0 = nw1;
        }
    }

    private static float[] MakeCt(int nc, bool floatLocals)
    {
        var c = new float[nc];
        int nch = nc >> 1;
        double delta = Math.Atan(1.0) / nch;
        if (floatLocals) delta = (float)delta;
        c[0] = (float)Math.Cos(floatLocals ? (float)delta * nch : delta * nch);
        c[nch] = 0.5f * c[0];
        for (int j = 1; j < nch; j++)
        {
            double angle = floatLocals ? (float)delta * j : delta * j;
            c[j] = (float)(0.5 * Math.Cos(angle));
            c[nc - j] = (float)(0.5 * Math.Sin(angle));
        }
        return c;
    }

    // bitrv2 is the bit-reversal permutation of the N/2 complex values; kept as the list of swaps.
    private static int[] BitReversalPairs(int count)
    {
        int bits = System.Numerics.BitOperations.Log2((uint)count);
        var pairs = new List<int>();
        for (int i = 0; i < count; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            if (r > i) { pairs.Add(i); pairs.Add(r); }
        }
        return pairs.ToArray();
    }

    private ReadOnlySpan<float> W(int offset) => _w.AsSpan(offset);

    // cftfsub for n > 32.
    private void ComplexForward(Span<float> a)
    {
        int n = _n, nw = _nw;
        CftF1st(n, a, W(nw - (n >> 2)));
        if (n > 512) CftRec4(n, a);
        else if (n > 128) CftLeaf(n, 1, a);
        else CftFx41(n, a);
        var s = _swap;
        for (int i = 0; i < s.Length; i += 2)
        {
            int j = 2 * s[i], k = 2 * s[i + 1];
            (a[j], a[k]) = (a[k], a[j]);
            (a[j + 1], a[k + 1]) = (a[k + 1], a[j + 1]);
        }
    }

    private static void CftF1st(int n, Span<float> a, ReadOnlySpan<float> w)
    {
        float x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i, y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i;
        int mh = n >> 3, m = 2 * mh;
        int j0, j1 = m, j2 = j1 + m, j3 = j2 + m;
        x0r = a[0] + a[j2];
        x0i = a[1] + a[j2 + 1];
        x1r = a[0] - a[j2];
        x1i = a[1] - a[j2 + 1];
        x2r = a[j1] + a[j3];
        x2i = a[j1 + 1] + a[j3 + 1];
        x3r = a[j1] - a[j3];
        x3i = a[j1 + 1] - a[j3 + 1];
        a[0] = x0r + x2r;
        a[1] = x0i + x2i;
        a[j1] = x0r - x2r;
        a[j1 + 1] = x0i - x2i;
        a[j2] = x1r - x3i;
        a[j2 + 1] = x1i + x3r;
        a[j3] = x1r + x3i;
        a[j3 + 1] = x1i - x3r;
        float wn4r = w[1], csc1 = w[2], csc3 = w[3];
        float wd1r = 1, wd1i = 0, wd3r = 1, wd3i = 0, wk1r, wk1i, wk3r, wk3i;
        int k = 0;
        for (int j = 2; j < mh - 2; j += 4)
        {
            k += 4;
            wk1r = csc1 * (wd1r + w[k]);
            wk1i = csc1 * (wd1i + w[k + 1]);
            wk3r = csc3 * (wd3r + w[k + 2]);
            wk3i = csc3 * (wd3i + w[k + 3]);
            wd1r = w[k];
            wd1i = w[k + 1];
            wd3r = w[k + 2];
            wd3i = w[k + 3];
            j1 = j + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[j] + a[j2];
            x0i = a[j + 1] + a[j2 + 1];
            x1r = a[j] - a[j2];
            x1i = a[j + 1] - a[j2 + 1];
            y0r = a[j + 2] + a[j2 + 2];
            y0i = a[j + 3] + a[j2 + 3];
            y1r = a[j + 2] - a[j2 + 2];
            y1i = a[j + 3] - a[j2 + 3];
            x2r = a[j1] + a[j3];
            x2i = a[j1 + 1] + a[j3 + 1];
            x3r = a[j1] - a[j3];
            x3i = a[j1 + 1] - a[j3 + 1];
            y2r = a[j1 + 2] + a[j3 + 2];
            y2i = a[j1 + 3] + a[j3 + 3];
            y3r = a[j1 + 2] - a[j3 + 2];
            y3i = a[j1 + 3] - a[j3 + 3];
            a[j] = x0r + x2r;
            a[j + 1] = x0i + x2i;
            a[j + 2] = y0r + y2r;
            a[j + 3] = y0i + y2i;
            a[j1] = x0r - x2r;
            a[j1 + 1] = x0i - x2i;
            a[j1 + 2] = y0r - y2r;
            a[j1 + 3] = y0i - y2i;
            x0r = x1r - x3i;
            x0i = x1i + x3r;
            a[j2] = wk1r * x0r - wk1i * x0i;
            a[j2 + 1] = wk1r * x0i + wk1i * x0r;
            x0r = y1r - y3i;
            x0i = y1i + y3r;
            a[j2 + 2] = wd1r * x0r - wd1i * x0i;
            a[j2 + 3] = wd1r * x0i + wd1i * x0r;
            x0r = x1r + x3i;
            x0i = x1i - x3r;
            a[j3] = wk3r * x0r + wk3i * x0i;
            a[j3 + 1] = wk3r * x0i - wk3i * x0r;
            x0r = y1r + y3i;
            x0i = y1i - y3r;
            a[j3 + 2] = wd3r * x0r + wd3i * x0i;
            a[j3 + 3] = wd3r * x0i - wd3i * x0r;
            j0 = m - j;
            j1 = j0 + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[j0] + a[j2];
            x0i = a[j0 + 1] + a[j2 + 1];
            x1r = a[j0] - a[j2];
            x1i = a[j0 + 1] - a[j2 + 1];
            y0r = a[j0 - 2] + a[j2 - 2];
            y0i = a[j0 - 1] + a[j2 - 1];
            y1r = a[j0 - 2] - a[j2 - 2];
            y1i = a[j0 - 1] - a[j2 - 1];
            x2r = a[j1] + a[j3];
            x2i = a[j1 + 1] + a[j3 + 1];
            x3r = a[j1] - a[j3];
            x3i = a[j1 + 1] - a[j3 + 1];
            y2r = a[j1 - 2] + a[j3 - 2];
            y2i = a[j1 - 1] + a[j3 - 1];
            y3r = a[j1 - 2] - a[j3 - 2];
            y3i = a[j1 - 1] - a[j3 - 1];
            a[j0] = x0r + x2r;
            a[j0 + 1] = x0i + x2i;
            a[j0 - 2] = y0r + y2r;
            a[j0 - 1] = y0i + y2i;
            a[j1] = x0r - x2r;
            a[j1 + 1] = x0i - x2i;
            a[j1 - 2] = y0r - y2r;
            a[j1 - 1] = y0i - y2i;
            x0r = x1r - x3i;
            x0i = x1i + x3r;
            a[j2] = wk1i * x0r - wk1r * x0i;
            a[j2 + 1] = wk1i * x0i + wk1r * x0r;
            x0r = y1r - y3i;
            x0i = y1i + y3r;
            a[j2 - 2] = wd1i * x0r - wd1r * x0i;
            a[j2 - 1] = wd1i * x0i + wd1r * x0r;
            x0r = x1r + x3i;
            x0i = x1i - x3r;
            a[j3] = wk3i * x0r + wk3r * x0i;
            a[j3 + 1] = wk3i * x0i - wk3r * x0r;
            x0r = y1r + y3i;
            x0i = y1i - y3r;
            a[j3 - 2] = wd3i * x0r + wd3r * x0i;
            a[j3 - 1] = wd3i * x0i - wd3r * x0r;
        }
        wk1r = csc1 * (wd1r + wn4r);
        wk1i = csc1 * (wd1i + wn4r);
        wk3r = csc3 * (wd3r - wn4r);
        wk3i = csc3 * (wd3i - wn4r);
        j0 = mh;
        j1 = j0 + m;
        j2 = j1 + m;
        j3 = j2 + m;
        x0r = a[j0 - 2] + a[j2 - 2];
        x0i = a[j0 - 1] + a[j2 - 1];
        x1r = a[j0 - 2] - a[j2 - 2];
        x1i = a[j0 - 1] - a[j2 - 1];
        x2r = a[j1 - 2] + a[j3 - 2];
        x2i = a[j1 - 1] + a[j3 - 1];
        x3r = a[j1 - 2] - a[j3 - 2];
        x3i = a[j1 - 1] - a[j3 - 1];
        a[j0 - 2] = x0r + x2r;
        a[j0 - 1] = x0i + x2i;
        a[j1 - 2] = x0r - x2r;
        a[j1 - 1] = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[j2 - 2] = wk1r * x0r - wk1i * x0i;
        a[j2 - 1] = wk1r * x0i + wk1i * x0r;
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        a[j3 - 2] = wk3r * x0r + wk3i * x0i;
        a[j3 - 1] = wk3r * x0i - wk3i * x0r;
        x0r = a[j0] + a[j2];
        x0i = a[j0 + 1] + a[j2 + 1];
        x1r = a[j0] - a[j2];
        x1i = a[j0 + 1] - a[j2 + 1];
        x2r = a[j1] + a[j3];
        x2i = a[j1 + 1] + a[j3 + 1];
        x3r = a[j1] - a[j3];
        x3i = a[j1 + 1] - a[j3 + 1];
        a[j0] = x0r + x2r;
        a[j0 + 1] = x0i + x2i;
        a[j1] = x0r - x2r;
        a[j1 + 1] = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[j2] = wn4r * (x0r - x0i);
        a[j2 + 1] = wn4r * (x0i + x0r);
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        a[j3] = -wn4r * (x0r + x0i);
        a[j3 + 1] = -wn4r * (x0i - x0r);
        x0r = a[j0 + 2] + a[j2 + 2];
        x0i = a[j0 + 3] + a[j2 + 3];
        x1r = a[j0 + 2] - a[j2 + 2];
        x1i = a[j0 + 3] - a[j2 + 3];
        x2r = a[j1 + 2] + a[j3 + 2];
        x2i = a[j1 + 3] + a[j3 + 3];
        x3r = a[j1 + 2] - a[j3 + 2];
        x3i = a[j1 + 3] - a[j3 + 3];
        a[j0 + 2] = x0r + x2r;
        a[j0 + 3] = x0i + x2i;
        a[j1 + 2] = x0r - x2r;
        a[j1 + 3] = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[j2 + 2] = wk1i * x0r - wk1r * x0i;
        a[j2 + 3] = wk1i * x0i + wk1r * x0r;
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        a[j3 + 2] = wk3i * x0r + wk3r * x0i;
        a[j3 + 3] = wk3i * x0i - wk3r * x0r;
    }

    private void CftRec4(int n, Span<float> a)
    {
        int nw = _nw, m = n;
        while (m > 512)
        {
            m >>= 2;
            CftMdl1(m, a[(n - m)..], W(nw - (m >> 1)));
        }
        CftLeaf(m, 1, a[(n - m)..]);
        int k = 0;
        for (int j = n - m; j > 0; j -= m)
        {
            k++;
            int isplt = CftTree(m, j, k, a);
            CftLeaf(m, isplt, a[(j - m)..]);
        }
    }

    private int CftTree(int n, int j, int k, Span<float> a)
    {
        int nw = _nw, isplt;
        if ((k & 3) != 0)
        {
            isplt = k & 1;
            if (isplt != 0) CftMdl1(n, a[(j - n)..], W(nw - (n >> 1)));
            else CftMdl2(n, a[(j - n)..], W(nw - n));
        }
        else
        {
            int m = n, i = k;
            for (; (i & 3) == 0; i >>= 2) m <<= 2;
            isplt = i & 1;
            if (isplt != 0)
            {
                for (; m > 128; m >>= 2) CftMdl1(m, a[(j - m)..], W(nw - (m >> 1)));
            }
            else
            {
                for (; m > 128; m >>= 2) CftMdl2(m, a[(j - m)..], W(nw - m));
            }
        }
        return isplt;
    }

    private void CftLeaf(int n, int isplt, Span<float> a)
    {
        int nw = _nw;
        if (n == 512)
        {
            CftMdl1(128, a, W(nw - 64));
            CftF161(a, W(nw - 8));
            CftF162(a[32..], W(nw - 32));
            CftF161(a[64..], W(nw - 8));
            CftF161(a[96..], W(nw - 8));
            CftMdl2(128, a[128..], W(nw - 128));
            CftF161(a[128..], W(nw - 8));
            CftF162(a[160..], W(nw - 32));
            CftF161(a[192..], W(nw - 8));
            CftF162(a[224..], W(nw - 32));
            CftMdl1(128, a[256..], W(nw - 64));
            CftF161(a[256..], W(nw - 8));
            CftF162(a[288..], W(nw - 32));
            CftF161(a[320..], W(nw - 8));
            CftF161(a[352..], W(nw - 8));
            if (isplt != 0)
            {
                CftMdl1(128, a[384..], W(nw - 64));
                CftF161(a[480..], W(nw - 8));
            }
            else
            {
                CftMdl2(128, a[384..], W(nw - 128));
                CftF162(a[480..], W(nw - 32));
            }
            CftF161(a[384..], W(nw - 8));
            CftF162(a[416..], W(nw - 32));
            CftF161(a[448..], W(nw - 8));
        }
        else
        {
            CftMdl1(64, a, W(nw - 32));
            CftF081(a, W(nw - 8));
            CftF082(a[16..], W(nw - 8));
            CftF081(a[32..], W(nw - 8));
            CftF081(a[48..], W(nw - 8));
            CftMdl2(64, a[64..], W(nw - 64));
            CftF081(a[64..], W(nw - 8));
            CftF082(a[80..], W(nw - 8));
            CftF081(a[96..], W(nw - 8));
            CftF082(a[112..], W(nw - 8));
            CftMdl1(64, a[128..], W(nw - 32));
            CftF081(a[128..], W(nw - 8));
            CftF082(a[144..], W(nw - 8));
            CftF081(a[160..], W(nw - 8));
            CftF081(a[176..], W(nw - 8));
            if (isplt != 0)
            {
                CftMdl1(64, a[192..], W(nw - 32));
                CftF081(a[240..], W(nw - 8));
            }
            else
            {
                CftMdl2(64, a[192..], W(nw - 64));
                CftF082(a[240..], W(nw - 8));
            }
            CftF081(a[192..], W(nw - 8));
            CftF082(a[208..], W(nw - 8));
            CftF081(a[224..], W(nw - 8));
        }
    }

    private static void CftMdl1(int n, Span<float> a, ReadOnlySpan<float> w)
    {
        float x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i;
        int mh = n >> 3, m = 2 * mh;
        int j0, j1 = m, j2 = j1 + m, j3 = j2 + m;
        x0r = a[0] + a[j2];
        x0i = a[1] + a[j2 + 1];
        x1r = a[0] - a[j2];
        x1i = a[1] - a[j2 + 1];
        x2r = a[j1] + a[j3];
        x2i = a[j1 + 1] + a[j3 + 1];
        x3r = a[j1] - a[j3];
        x3i = a[j1 + 1] - a[j3 + 1];
        a[0] = x0r + x2r;
        a[1] = x0i + x2i;
        a[j1] = x0r - x2r;
        a[j1 + 1] = x0i - x2i;
        a[j2] = x1r - x3i;
        a[j2 + 1] = x1i + x3r;
        a[j3] = x1r + x3i;
        a[j3 + 1] = x1i - x3r;
        float wn4r = w[1];
        int k = 0;
        for (int j = 2; j < mh; j += 2)
        {
            k += 4;
            float wk1r = w[k], wk1i = w[k + 1], wk3r = w[k + 2], wk3i = w[k + 3];
            j1 = j + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[j] + a[j2];
            x0i = a[j + 1] + a[j2 + 1];
            x1r = a[j] - a[j2];
            x1i = a[j + 1] - a[j2 + 1];
            x2r = a[j1] + a[j3];
            x2i = a[j1 + 1] + a[j3 + 1];
            x3r = a[j1] - a[j3];
            x3i = a[j1 + 1] - a[j3 + 1];
            a[j] = x0r + x2r;
            a[j + 1] = x0i + x2i;
            a[j1] = x0r - x2r;
            a[j1 + 1] = x0i - x2i;
            x0r = x1r - x3i;
            x0i = x1i + x3r;
            a[j2] = wk1r * x0r - wk1i * x0i;
            a[j2 + 1] = wk1r * x0i + wk1i * x0r;
            x0r = x1r + x3i;
            x0i = x1i - x3r;
            a[j3] = wk3r * x0r + wk3i * x0i;
            a[j3 + 1] = wk3r * x0i - wk3i * x0r;
            j0 = m - j;
            j1 = j0 + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[j0] + a[j2];
            x0i = a[j0 + 1] + a[j2 + 1];
            x1r = a[j0] - a[j2];
            x1i = a[j0 + 1] - a[j2 + 1];
            x2r = a[j1] + a[j3];
            x2i = a[j1 + 1] + a[j3 + 1];
            x3r = a[j1] - a[j3];
            x3i = a[j1 + 1] - a[j3 + 1];
            a[j0] = x0r + x2r;
            a[j0 + 1] = x0i + x2i;
            a[j1] = x0r - x2r;
            a[j1 + 1] = x0i - x2i;
            x0r = x1r - x3i;
            x0i = x1i + x3r;
            a[j2] = wk1i * x0r - wk1r * x0i;
            a[j2 + 1] = wk1i * x0i + wk1r * x0r;
            x0r = x1r + x3i;
            x0i = x1i - x3r;
            a[j3] = wk3i * x0r + wk3r * x0i;
            a[j3 + 1] = wk3i * x0i - wk3r * x0r;
        }
        j0 = mh;
        j1 = j0 + m;
        j2 = j1 + m;
        j3 = j2 + m;
        x0r = a[j0] + a[j2];
        x0i = a[j0 + 1] + a[j2 + 1];
        x1r = a[j0] - a[j2];
        x1i = a[j0 + 1] - a[j2 + 1];
        x2r = a[j1] + a[j3];
        x2i = a[j1 + 1] + a[j3 + 1];
        x3r = a[j1] - a[j3];
        x3i = a[j1 + 1] - a[j3 + 1];
        a[j0] = x0r + x2r;
        a[j0 + 1] = x0i + x2i;
        a[j1] = x0r - x2r;
        a[j1 + 1] = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[j2] = wn4r * (x0r - x0i);
        a[j2 + 1] = wn4r * (x0i + x0r);
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        a[j3] = -wn4r * (x0r + x0i);
        a[j3 + 1] = -wn4r * (x0i - x0r);
    }

    private static void CftMdl2(int n, Span<float> a, ReadOnlySpan<float> w)
    {
        float x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i, y0r, y0i, y2r, y2i;
        int mh = n >> 3, m = 2 * mh;
        float wn4r = w[1];
        int j0, j1 = m, j2 = j1 + m, j3 = j2 + m;
        x0r = a[0] - a[j2 + 1];
        x0i = a[1] + a[j2];
        x1r = a[0] + a[j2 + 1];
        x1i = a[1] - a[j2];
        x2r = a[j1] - a[j3 + 1];
        x2i = a[j1 + 1] + a[j3];
        x3r = a[j1] + a[j3 + 1];
        x3i = a[j1 + 1] - a[j3];
        y0r = wn4r * (x2r - x2i);
        y0i = wn4r * (x2i + x2r);
        a[0] = x0r + y0r;
        a[1] = x0i + y0i;
        a[j1] = x0r - y0r;
        a[j1 + 1] = x0i - y0i;
        y0r = wn4r * (x3r - x3i);
        y0i = wn4r * (x3i + x3r);
        a[j2] = x1r - y0i;
        a[j2 + 1] = x1i + y0r;
        a[j3] = x1r + y0i;
        a[j3 + 1] = x1i - y0r;
        int k = 0, kr = 2 * m;
        float wk1r, wk1i;
        for (int j = 2; j < mh; j += 2)
        {
            k += 4;
            wk1r = w[k];
            wk1i = w[k + 1];
            float wk3r = w[k + 2], wk3i = w[k + 3];
            kr -= 4;
            float wd1i = w[kr], wd1r = w[kr + 1], wd3i = w[kr + 2], wd3r = w[kr + 3];
            j1 = j + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[j] - a[j2 + 1];
            x0i = a[j + 1] + a[j2];
            x1r = a[j] + a[j2 + 1];
            x1i = a[j + 1] - a[j2];
            x2r = a[j1] - a[j3 + 1];
            x2i = a[j1 + 1] + a[j3];
            x3r = a[j1] + a[j3 + 1];
            x3i = a[j1 + 1] - a[j3];
            y0r = wk1r * x0r - wk1i * x0i;
            y0i = wk1r * x0i + wk1i * x0r;
            y2r = wd1r * x2r - wd1i * x2i;
            y2i = wd1r * x2i + wd1i * x2r;
            a[j] = y0r + y2r;
            a[j + 1] = y0i + y2i;
            a[j1] = y0r - y2r;
            a[j1 + 1] = y0i - y2i;
            y0r = wk3r * x1r + wk3i * x1i;
            y0i = wk3r * x1i - wk3i * x1r;
            y2r = wd3r * x3r + wd3i * x3i;
            y2i = wd3r * x3i - wd3i * x3r;
            a[j2] = y0r + y2r;
            a[j2 + 1] = y0i + y2i;
            a[j3] = y0r - y2r;
            a[j3 + 1] = y0i - y2i;
            j0 = m - j;
            j1 = j0 + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[j0] - a[j2 + 1];
            x0i = a[j0 + 1] + a[j2];
            x1r = a[j0] + a[j2 + 1];
            x1i = a[j0 + 1] - a[j2];
            x2r = a[j1] - a[j3 + 1];
            x2i = a[j1 + 1] + a[j3];
            x3r = a[j1] + a[j3 + 1];
            x3i = a[j1 + 1] - a[j3];
            y0r = wd1i * x0r - wd1r * x0i;
            y0i = wd1i * x0i + wd1r * x0r;
            y2r = wk1i * x2r - wk1r * x2i;
            y2i = wk1i * x2i + wk1r * x2r;
            a[j0] = y0r + y2r;
            a[j0 + 1] = y0i + y2i;
            a[j1] = y0r - y2r;
            a[j1 + 1] = y0i - y2i;
            y0r = wd3i * x1r + wd3r * x1i;
            y0i = wd3i * x1i - wd3r * x1r;
            y2r = wk3i * x3r + wk3r * x3i;
            y2i = wk3i * x3i - wk3r * x3r;
            a[j2] = y0r + y2r;
            a[j2 + 1] = y0i + y2i;
            a[j3] = y0r - y2r;
            a[j3 + 1] = y0i - y2i;
        }
        wk1r = w[m];
        wk1i = w[m + 1];
        j0 = mh;
        j1 = j0 + m;
        j2 = j1 + m;
        j3 = j2 + m;
        x0r = a[j0] - a[j2 + 1];
        x0i = a[j0 + 1] + a[j2];
        x1r = a[j0] + a[j2 + 1];
        x1i = a[j0 + 1] - a[j2];
        x2r = a[j1] - a[j3 + 1];
        x2i = a[j1 + 1] + a[j3];
        x3r = a[j1] + a[j3 + 1];
        x3i = a[j1 + 1] - a[j3];
        y0r = wk1r * x0r - wk1i * x0i;
        y0i = wk1r * x0i + wk1i * x0r;
        y2r = wk1i * x2r - wk1r * x2i;
        y2i = wk1i * x2i + wk1r * x2r;
        a[j0] = y0r + y2r;
        a[j0 + 1] = y0i + y2i;
        a[j1] = y0r - y2r;
        a[j1 + 1] = y0i - y2i;
        y0r = wk1i * x1r - wk1r * x1i;
        y0i = wk1i * x1i + wk1r * x1r;
        y2r = wk1r * x3r - wk1i * x3i;
        y2i = wk1r * x3i + wk1i * x3r;
        a[j2] = y0r - y2r;
        a[j2 + 1] = y0i - y2i;
        a[j3] = y0r + y2r;
        a[j3 + 1] = y0i + y2i;
    }

    private void CftFx41(int n, Span<float> a)
    {
        int nw = _nw;
        if (n == 128)
        {
            CftF161(a, W(nw - 8));
            CftF162(a[32..], W(nw - 32));
            CftF161(a[64..], W(nw - 8));
            CftF161(a[96..], W(nw - 8));
        }
        else
        {
            CftF081(a, W(nw - 8));
            CftF082(a[16..], W(nw - 8));
            CftF081(a[32..], W(nw - 8));
            CftF081(a[48..], W(nw - 8));
        }
    }

    private static void CftF161(Span<float> a, ReadOnlySpan<float> w)
    {
        float x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i;
        float y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i, y4r, y4i, y5r, y5i, y6r, y6i, y7r, y7i;
        float y8r, y8i, y9r, y9i, y10r, y10i, y11r, y11i, y12r, y12i, y13r, y13i, y14r, y14i, y15r, y15i;
        float wn4r = w[1], wk1r = w[2], wk1i = w[3];
        x0r = a[0] + a[16];
        x0i = a[1] + a[17];
        x1r = a[0] - a[16];
        x1i = a[1] - a[17];
        x2r = a[8] + a[24];
        x2i = a[9] + a[25];
        x3r = a[8] - a[24];
        x3i = a[9] - a[25];
        y0r = x0r + x2r;
        y0i = x0i + x2i;
        y4r = x0r - x2r;
        y4i = x0i - x2i;
        y8r = x1r - x3i;
        y8i = x1i + x3r;
        y12r = x1r + x3i;
        y12i = x1i - x3r;
        x0r = a[2] + a[18];
        x0i = a[3] + a[19];
        x1r = a[2] - a[18];
        x1i = a[3] - a[19];
        x2r = a[10] + a[26];
        x2i = a[11] + a[27];
        x3r = a[10] - a[26];
        x3i = a[11] - a[27];
        y1r = x0r + x2r;
        y1i = x0i + x2i;
        y5r = x0r - x2r;
        y5i = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        y9r = wk1r * x0r - wk1i * x0i;
        y9i = wk1r * x0i + wk1i * x0r;
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        y13r = wk1i * x0r - wk1r * x0i;
        y13i = wk1i * x0i + wk1r * x0r;
        x0r = a[4] + a[20];
        x0i = a[5] + a[21];
        x1r = a[4] - a[20];
        x1i = a[5] - a[21];
        x2r = a[12] + a[28];
        x2i = a[13] + a[29];
        x3r = a[12] - a[28];
        x3i = a[13] - a[29];
        y2r = x0r + x2r;
        y2i = x0i + x2i;
        y6r = x0r - x2r;
        y6i = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        y10r = wn4r * (x0r - x0i);
        y10i = wn4r * (x0i + x0r);
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        y14r = wn4r * (x0r + x0i);
        y14i = wn4r * (x0i - x0r);
        x0r = a[6] + a[22];
        x0i = a[7] + a[23];
        x1r = a[6] - a[22];
        x1i = a[7] - a[23];
        x2r = a[14] + a[30];
        x2i = a[15] + a[31];
        x3r = a[14] - a[30];
        x3i = a[15] - a[31];
        y3r = x0r + x2r;
        y3i = x0i + x2i;
        y7r = x0r - x2r;
        y7i = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        y11r = wk1i * x0r - wk1r * x0i;
        y11i = wk1i * x0i + wk1r * x0r;
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        y15r = wk1r * x0r - wk1i * x0i;
        y15i = wk1r * x0i + wk1i * x0r;
        x0r = y12r - y14r;
        x0i = y12i - y14i;
        x1r = y12r + y14r;
        x1i = y12i + y14i;
        x2r = y13r - y15r;
        x2i = y13i - y15i;
        x3r = y13r + y15r;
        x3i = y13i + y15i;
        a[24] = x0r + x2r;
        a[25] = x0i + x2i;
        a[26] = x0r - x2r;
        a[27] = x0i - x2i;
        a[28] = x1r - x3i;
        a[29] = x1i + x3r;
        a[30] = x1r + x3i;
        a[31] = x1i - x3r;
        x0r = y8r + y10r;
        x0i = y8i + y10i;
        x1r = y8r - y10r;
        x1i = y8i - y10i;
        x2r = y9r + y11r;
        x2i = y9i + y11i;
        x3r = y9r - y11r;
        x3i = y9i - y11i;
        a[16] = x0r + x2r;
        a[17] = x0i + x2i;
        a[18] = x0r - x2r;
        a[19] = x0i - x2i;
        a[20] = x1r - x3i;
        a[21] = x1i + x3r;
        a[22] = x1r + x3i;
        a[23] = x1i - x3r;
        x0r = y5r - y7i;
        x0i = y5i + y7r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        x0r = y5r + y7i;
        x0i = y5i - y7r;
        x3r = wn4r * (x0r - x0i);
        x3i = wn4r * (x0i + x0r);
        x0r = y4r - y6i;
        x0i = y4i + y6r;
        x1r = y4r + y6i;
        x1i = y4i - y6r;
        a[8] = x0r + x2r;
        a[9] = x0i + x2i;
        a[10] = x0r - x2r;
        a[11] = x0i - x2i;
        a[12] = x1r - x3i;
        a[13] = x1i + x3r;
        a[14] = x1r + x3i;
        a[15] = x1i - x3r;
        x0r = y0r + y2r;
        x0i = y0i + y2i;
        x1r = y0r - y2r;
        x1i = y0i - y2i;
        x2r = y1r + y3r;
        x2i = y1i + y3i;
        x3r = y1r - y3r;
        x3i = y1i - y3i;
        a[0] = x0r + x2r;
        a[1] = x0i + x2i;
        a[2] = x0r - x2r;
        a[3] = x0i - x2i;
        a[4] = x1r - x3i;
        a[5] = x1i + x3r;
        a[6] = x1r + x3i;
        a[7] = x1i - x3r;
    }

    private static void CftF162(Span<float> a, ReadOnlySpan<float> w)
    {
        float x0r, x0i, x1r, x1i, x2r, x2i;
        float y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i, y4r, y4i, y5r, y5i, y6r, y6i, y7r, y7i;
        float y8r, y8i, y9r, y9i, y10r, y10i, y11r, y11i, y12r, y12i, y13r, y13i, y14r, y14i, y15r, y15i;
        float wn4r = w[1], wk1r = w[4], wk1i = w[5], wk3r = w[6], wk3i = -w[7], wk2r = w[8], wk2i = w[9];
        x1r = a[0] - a[17];
        x1i = a[1] + a[16];
        x0r = a[8] - a[25];
        x0i = a[9] + a[24];
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        y0r = x1r + x2r;
        y0i = x1i + x2i;
        y4r = x1r - x2r;
        y4i = x1i - x2i;
        x1r = a[0] + a[17];
        x1i = a[1] - a[16];
        x0r = a[8] + a[25];
        x0i = a[9] - a[24];
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        y8r = x1r - x2i;
        y8i = x1i + x2r;
        y12r = x1r + x2i;
        y12i = x1i - x2r;
        x0r = a[2] - a[19];
        x0i = a[3] + a[18];
        x1r = wk1r * x0r - wk1i * x0i;
        x1i = wk1r * x0i + wk1i * x0r;
        x0r = a[10] - a[27];
        x0i = a[11] + a[26];
        x2r = wk3i * x0r - wk3r * x0i;
        x2i = wk3i * x0i + wk3r * x0r;
        y1r = x1r + x2r;
        y1i = x1i + x2i;
        y5r = x1r - x2r;
        y5i = x1i - x2i;
        x0r = a[2] + a[19];
        x0i = a[3] - a[18];
        x1r = wk3r * x0r - wk3i * x0i;
        x1i = wk3r * x0i + wk3i * x0r;
        x0r = a[10] + a[27];
        x0i = a[11] - a[26];
        x2r = wk1r * x0r + wk1i * x0i;
        x2i = wk1r * x0i - wk1i * x0r;
        y9r = x1r - x2r;
        y9i = x1i - x2i;
        y13r = x1r + x2r;
        y13i = x1i + x2i;
        x0r = a[4] - a[21];
        x0i = a[5] + a[20];
        x1r = wk2r * x0r - wk2i * x0i;
        x1i = wk2r * x0i + wk2i * x0r;
        x0r = a[12] - a[29];
        x0i = a[13] + a[28];
        x2r = wk2i * x0r - wk2r * x0i;
        x2i = wk2i * x0i + wk2r * x0r;
        y2r = x1r + x2r;
        y2i = x1i + x2i;
        y6r = x1r - x2r;
        y6i = x1i - x2i;
        x0r = a[4] + a[21];
        x0i = a[5] - a[20];
        x1r = wk2i * x0r - wk2r * x0i;
        x1i = wk2i * x0i + wk2r * x0r;
        x0r = a[12] + a[29];
        x0i = a[13] - a[28];
        x2r = wk2r * x0r - wk2i * x0i;
        x2i = wk2r * x0i + wk2i * x0r;
        y10r = x1r - x2r;
        y10i = x1i - x2i;
        y14r = x1r + x2r;
        y14i = x1i + x2i;
        x0r = a[6] - a[23];
        x0i = a[7] + a[22];
        x1r = wk3r * x0r - wk3i * x0i;
        x1i = wk3r * x0i + wk3i * x0r;
        x0r = a[14] - a[31];
        x0i = a[15] + a[30];
        x2r = wk1i * x0r - wk1r * x0i;
        x2i = wk1i * x0i + wk1r * x0r;
        y3r = x1r + x2r;
        y3i = x1i + x2i;
        y7r = x1r - x2r;
        y7i = x1i - x2i;
        x0r = a[6] + a[23];
        x0i = a[7] - a[22];
        x1r = wk1i * x0r + wk1r * x0i;
        x1i = wk1i * x0i - wk1r * x0r;
        x0r = a[14] + a[31];
        x0i = a[15] - a[30];
        x2r = wk3i * x0r - wk3r * x0i;
        x2i = wk3i * x0i + wk3r * x0r;
        y11r = x1r + x2r;
        y11i = x1i + x2i;
        y15r = x1r - x2r;
        y15i = x1i - x2i;
        x1r = y0r + y2r;
        x1i = y0i + y2i;
        x2r = y1r + y3r;
        x2i = y1i + y3i;
        a[0] = x1r + x2r;
        a[1] = x1i + x2i;
        a[2] = x1r - x2r;
        a[3] = x1i - x2i;
        x1r = y0r - y2r;
        x1i = y0i - y2i;
        x2r = y1r - y3r;
        x2i = y1i - y3i;
        a[4] = x1r - x2i;
        a[5] = x1i + x2r;
        a[6] = x1r + x2i;
        a[7] = x1i - x2r;
        x1r = y4r - y6i;
        x1i = y4i + y6r;
        x0r = y5r - y7i;
        x0i = y5i + y7r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        a[8] = x1r + x2r;
        a[9] = x1i + x2i;
        a[10] = x1r - x2r;
        a[11] = x1i - x2i;
        x1r = y4r + y6i;
        x1i = y4i - y6r;
        x0r = y5r + y7i;
        x0i = y5i - y7r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        a[12] = x1r - x2i;
        a[13] = x1i + x2r;
        a[14] = x1r + x2i;
        a[15] = x1i - x2r;
        x1r = y8r + y10r;
        x1i = y8i + y10i;
        x2r = y9r - y11r;
        x2i = y9i - y11i;
        a[16] = x1r + x2r;
        a[17] = x1i + x2i;
        a[18] = x1r - x2r;
        a[19] = x1i - x2i;
        x1r = y8r - y10r;
        x1i = y8i - y10i;
        x2r = y9r + y11r;
        x2i = y9i + y11i;
        a[20] = x1r - x2i;
        a[21] = x1i + x2r;
        a[22] = x1r + x2i;
        a[23] = x1i - x2r;
        x1r = y12r - y14i;
        x1i = y12i + y14r;
        x0r = y13r + y15i;
        x0i = y13i - y15r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        a[24] = x1r + x2r;
        a[25] = x1i + x2i;
        a[26] = x1r - x2r;
        a[27] = x1i - x2i;
        x1r = y12r + y14i;
        x1i = y12i - y14r;
        x0r = y13r - y15i;
        x0i = y13i + y15r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        a[28] = x1r - x2i;
        a[29] = x1i + x2r;
        a[30] = x1r + x2i;
        a[31] = x1i - x2r;
    }

    private static void CftF081(Span<float> a, ReadOnlySpan<float> w)
    {
        float x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i;
        float y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i, y4r, y4i, y5r, y5i, y6r, y6i, y7r, y7i;
        float wn4r = w[1];
        x0r = a[0] + a[8];
        x0i = a[1] + a[9];
        x1r = a[0] - a[8];
        x1i = a[1] - a[9];
        x2r = a[4] + a[12];
        x2i = a[5] + a[13];
        x3r = a[4] - a[12];
        x3i = a[5] - a[13];
        y0r = x0r + x2r;
        y0i = x0i + x2i;
        y2r = x0r - x2r;
        y2i = x0i - x2i;
        y1r = x1r - x3i;
        y1i = x1i + x3r;
        y3r = x1r + x3i;
        y3i = x1i - x3r;
        x0r = a[2] + a[10];
        x0i = a[3] + a[11];
        x1r = a[2] - a[10];
        x1i = a[3] - a[11];
        x2r = a[6] + a[14];
        x2i = a[7] + a[15];
        x3r = a[6] - a[14];
        x3i = a[7] - a[15];
        y4r = x0r + x2r;
        y4i = x0i + x2i;
        y6r = x0r - x2r;
        y6i = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        x2r = x1r + x3i;
        x2i = x1i - x3r;
        y5r = wn4r * (x0r - x0i);
        y5i = wn4r * (x0r + x0i);
        y7r = wn4r * (x2r - x2i);
        y7i = wn4r * (x2r + x2i);
        a[8] = y1r + y5r;
        a[9] = y1i + y5i;
        a[10] = y1r - y5r;
        a[11] = y1i - y5i;
        a[12] = y3r - y7i;
        a[13] = y3i + y7r;
        a[14] = y3r + y7i;
        a[15] = y3i - y7r;
        a[0] = y0r + y4r;
        a[1] = y0i + y4i;
        a[2] = y0r - y4r;
        a[3] = y0i - y4i;
        a[4] = y2r - y6i;
        a[5] = y2i + y6r;
        a[6] = y2r + y6i;
        a[7] = y2i - y6r;
    }

    private static void CftF082(Span<float> a, ReadOnlySpan<float> w)
    {
        float x0r, x0i, x1r, x1i;
        float y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i, y4r, y4i, y5r, y5i, y6r, y6i, y7r, y7i;
        float wn4r = w[1], wk1r = w[2], wk1i = w[3];
        y0r = a[0] - a[9];
        y0i = a[1] + a[8];
        y1r = a[0] + a[9];
        y1i = a[1] - a[8];
        x0r = a[4] - a[13];
        x0i = a[5] + a[12];
        y2r = wn4r * (x0r - x0i);
        y2i = wn4r * (x0i + x0r);
        x0r = a[4] + a[13];
        x0i = a[5] - a[12];
        y3r = wn4r * (x0r - x0i);
        y3i = wn4r * (x0i + x0r);
        x0r = a[2] - a[11];
        x0i = a[3] + a[10];
        y4r = wk1r * x0r - wk1i * x0i;
        y4i = wk1r * x0i + wk1i * x0r;
        x0r = a[2] + a[11];
        x0i = a[3] - a[10];
        y5r = wk1i * x0r - wk1r * x0i;
        y5i = wk1i * x0i + wk1r * x0r;
        x0r = a[6] - a[15];
        x0i = a[7] + a[14];
        y6r = wk1i * x0r - wk1r * x0i;
        y6i = wk1i * x0i + wk1r * x0r;
        x0r = a[6] + a[15];
        x0i = a[7] - a[14];
        y7r = wk1r * x0r - wk1i * x0i;
        y7i = wk1r * x0i + wk1i * x0r;
        x0r = y0r + y2r;
        x0i = y0i + y2i;
        x1r = y4r + y6r;
        x1i = y4i + y6i;
        a[0] = x0r + x1r;
        a[1] = x0i + x1i;
        a[2] = x0r - x1r;
        a[3] = x0i - x1i;
        x0r = y0r - y2r;
        x0i = y0i - y2i;
        x1r = y4r - y6r;
        x1i = y4i - y6i;
        a[4] = x0r - x1i;
        a[5] = x0i + x1r;
        a[6] = x0r + x1i;
        a[7] = x0i - x1r;
        x0r = y1r - y3i;
        x0i = y1i + y3r;
        x1r = y5r - y7r;
        x1i = y5i - y7i;
        a[8] = x0r + x1r;
        a[9] = x0i + x1i;
        a[10] = x0r - x1r;
        a[11] = x0i - x1i;
        x0r = y1r + y3i;
        x0i = y1i - y3r;
        x1r = y5r + y7r;
        x1i = y5i + y7i;
        a[12] = x0r - x1i;
        a[13] = x0i + x1r;
        a[14] = x0r + x1i;
        a[15] = x0i - x1r;
    }

    // rftfsub: turns the N/2-point complex FFT of the even/odd pairs into the real DFT.
    private void RealSplit(Span<float> a)
    {
        var c = _c;
        int n = _n, nc = c.Length, m = n >> 1, ks = 2 * nc / m, kk = 0;
        for (int j = 2; j < m; j += 2)
        {
            int k = n - j;
            kk += ks;
            float wkr = 0.5f - c[nc - kk], wki = c[kk];
            float xr = a[j] - a[k], xi = a[j + 1] + a[k + 1];
            float yr = wkr * xr - wki * xi, yi = wkr * xi + wki * xr;
            a[j] -= yr;
            a[j + 1] -= yi;
            a[k] += yr;
            a[k + 1] -= yi;
        }
    }
}
