using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SerAdapt.Engine;

/// <summary>
/// Copies blocks of op(A) and op(B) into the sliver layout the micro-kernels read contiguously:
/// A as slivers of MR rows (for each k, MR values), B as slivers of NR columns (for each k, NR values),
/// padded with zeros past the matrix edge. The transposed cases (row-major A, transposed B) go
/// through 8 x 8 AVX transposes so that packing stays cheap next to the multiply.
/// </summary>
internal static unsafe class GemmPacking
{
    private const int MR = GemmKernels.MR;

    /// <summary>op(A)[i0 .. i0+mc, p0 .. p0+kc] into dst (mc rounded up to MR rows, times kc).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(bool transA, float* a, nint lda, int i0, int mc, int p0, int kc, float* dst)
    {
        for (int s = 0; s < mc; s += MR)
        {
            int rows = Math.Min(MR, mc - s);
            float* d = dst + (nint)s * kc;
            if (transA)
            {
                // op(A)(i, p) = a[p * lda + i]: MR consecutive floats per k.
                float* src = a + p0 * lda + i0 + s;
                if (rows == MR && Vector256.IsHardwareAccelerated)
                {
                    for (int p = 0; p < kc; p++)
                        Vector256.Load(src + p * lda).Store(d + p * MR);
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                        for (int r = 0; r < MR; r++)
                            d[p * MR + r] = r < rows ? src[p * lda + r] : 0f;
                }
            }
            else
            {
                // op(A)(i, p) = a[i * lda + p]: rows are contiguous in k, so transpose.
                float* src = a + (i0 + s) * lda + p0;
                int p = 0;
                if (rows == MR && Avx.IsSupported)
                {
                    for (; p + 8 <= kc; p += 8)
                        Transpose8x8(src + p, lda, d + p * MR, MR);
                }
                for (; p < kc; p++)
                    for (int r = 0; r < MR; r++)
                        d[p * MR + r] = r < rows ? src[r * lda + p] : 0f;
            }
        }
    }

    /// <summary>op(B)[p0 .. p0+kc, j0 .. j0+nc] into dst (nc rounded up to nr columns, times kc).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(bool transB, float* b, nint ldb, int p0, int kc, int j0, int nc, int nr, float* dst)
    {
        for (int s = 0; s < nc; s += nr)
        {
            int cols = Math.Min(nr, nc - s);
            float* d = dst + (nint)s * kc;
            if (!transB)
            {
                // op(B)(p, j) = b[p * ldb + j]: nr consecutive floats per k (full slivers are done below, row by row).
                if (cols == nr && nr % 8 == 0 && Vector256.IsHardwareAccelerated)
                    continue;
                float* src = b + p0 * ldb + j0 + s;
                for (int p = 0; p < kc; p++)
                    for (int j = 0; j < nr; j++)
                        d[p * nr + j] = j < cols ? src[p * ldb + j] : 0f;
            }
            else
            {
                // op(B)(p, j) = b[j * ldb + p]: columns of op(B) are contiguous in k, so transpose.
                float* src = b + (j0 + s) * ldb + p0;
                int p = 0;
                if (cols == nr && nr % 8 == 0 && Avx.IsSupported)
                {
                    // Eight rows of B at a time: with a power-of-two ldb, more rows at once would
                    // all map to the same L1 set and evict each other.
                    int full = kc & ~7;
                    for (int g = 0; g < nr; g += 8)
                    {
                        float* rows = src + g * ldb;
                        for (int q = 0; q < full; q += 8)
                        {
                            // The rows usually come from DRAM: ask for them 64 floats ahead.
                            if (q + 64 < kc && (q & 15) == 0)
                                for (int r = 0; r < 8; r++)
                                    Sse.Prefetch0(rows + r * ldb + q + 64);
                            Transpose8x8(rows + q, ldb, d + q * nr + g, nr);
                        }
                    }
                    p = full;
                }
                for (; p < kc; p++)
                    for (int j = 0; j < nr; j++)
                        d[p * nr + j] = j < cols ? src[j * ldb + p] : 0f;
            }
        }
        if (!transB && nr % 8 == 0 && Vector256.IsHardwareAccelerated)
        {
            // Full slivers of a row-major B, one row of B at a time (sequential reads, prefetched
            // a few rows ahead: the panel usually comes from DRAM).
            int full = nc / nr * nr;
            for (int p = 0; p < kc; p++)
            {
                float* src = b + (p0 + p) * ldb + j0;
                float* ahead = src + 4 * ldb;
                for (int s = 0; s < full; s += nr)
                {
                    float* d = dst + (nint)s * kc + p * nr;
                    if (p + 4 < kc && Sse.IsSupported)
                        Sse.Prefetch0(ahead + s);
                    for (int j = 0; j < nr; j += 8)
                        Vector256.Load(src + s + j).Store(d + j);
                }
            }
        }
    }

    /// <summary>dst[q * dstStride + r] = src[r * srcStride + q] for r, q in 0..7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, nint srcStride, float* dst, nint dstStride)
    {
        Vector256<float> r0 = Avx.LoadVector256(src), r1 = Avx.LoadVector256(src + srcStride),
            r2 = Avx.LoadVector256(src + 2 * srcStride), r3 = Avx.LoadVector256(src + 3 * srcStride),
            r4 = Avx.LoadVector256(src + 4 * srcStride), r5 = Avx.LoadVector256(src + 5 * srcStride),
            r6 = Avx.LoadVector256(src + 6 * srcStride), r7 = Avx.LoadVector256(src + 7 * srcStride);
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1),
            t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3),
            t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5),
            t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE),
            u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE),
            u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE),
            u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + dstStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * dstStride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + 3 * dstStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * dstStride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + 5 * dstStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * dstStride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + 7 * dstStride, Avx.Permute2x128(u3, u7, 0x31));
    }
}
