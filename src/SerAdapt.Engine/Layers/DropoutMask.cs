using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SerAdapt.Engine;

/// <summary>
/// Dropout masks from a counter-based generator, Philox4x32-10 (Salmon et al., "Parallel random
/// numbers: as easy as 1, 2, 3", SC 2011): the draw for element (row, col) of a layer's step is a
/// pure function of (layer key, step, row, col), so any range of a mask can be drawn on any thread,
/// in any order, and the mask does not depend on the thread count.
/// <para>
/// Philox block (counter = (block, row, step low, step high), key = layer key) gives four 32-bit
/// words. Column col uses word (col / 8) % 4 of block (col / 32) * 8 + col % 8: eight blocks side by
/// side give 32 consecutive columns, so the vector path computes eight blocks per lane group and
/// each word is eight consecutive columns. The draw is the word's top 24 bits, k; the element is
/// kept (1 / (1 - p)) when k &gt;= ceil(p 2^24), dropped (0) otherwise.
/// </para>
/// </summary>
internal static class DropoutMask
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>Draws below this are dropped: ceil(p 2^24).</summary>
    public static uint Threshold(float p) => (uint)Math.Ceiling(p * (double)(1 << 24));

    /// <summary>The 24-bit draw of element (row, col); the reference for the vector path.</summary>
    public static uint Draw(ulong key, ulong step, int row, int col)
    {
        uint c0 = (uint)((col >> 5) * 8 + (col & 7)), c1 = (uint)row, c2 = (uint)step, c3 = (uint)(step >> 32);
        uint k0 = (uint)key, k1 = (uint)(key >> 32);
        for (int round = 0; round < 10; round++)
        {
            ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
            (c0, c1, c2, c3) = ((uint)(p1 >> 32) ^ c1 ^ k0, (uint)p1, (uint)(p0 >> 32) ^ c3 ^ k1, (uint)p0);
            k0 += W0;
            k1 += W1;
        }
        uint word = ((col >> 3) & 3) switch { 0 => c0, 1 => c1, 2 => c2, _ => c3 };
        return word >> 8;
    }

    /// <summary>mask[j - j0] for columns j0 .. j1 of <paramref name="row"/>: keepBits (the float 1 / (1 - p)) or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FillRow(ulong key, ulong step, int row, int j0, int j1, uint threshold, float keep, Span<float> mask)
    {
        if (mask.Length < j1 - j0)
            throw new ArgumentException("The mask span is shorter than the column range.", nameof(mask));
        int j = j0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Columns before the first whole aligned group of 32 inside the range.
            for (; j < j1; j++)
            {
                if ((j & 31) == 0 && j + 32 <= j1)
                    break;
                mask[j - j0] = Draw(key, step, row, j) >= threshold ? keep : 0f;
            }
        }
        if (Vector512.IsHardwareAccelerated)
        {
            var t = Vector512.Create(threshold);
            var keepBits = Vector512.Create(BitConverter.SingleToUInt32Bits(keep));
            for (; j + 32 <= j1; j += 32)
            {
                Group(key, step, row, j, out var w0, out var w1, out var w2, out var w3);
                var lo = Vector512.Narrow(w0, w1) >>> 8;
                var hi = Vector512.Narrow(w2, w3) >>> 8;
                var dst = mask.Slice(j - j0, 32);
                (Vector512.GreaterThanOrEqual(lo, t) & keepBits).AsSingle().StoreUnsafe(ref dst[0]);
                (Vector512.GreaterThanOrEqual(hi, t) & keepBits).AsSingle().StoreUnsafe(ref dst[16]);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var t = Vector256.Create(threshold);
            var keepBits = Vector256.Create(BitConverter.SingleToUInt32Bits(keep));
            for (; j + 32 <= j1; j += 32)
            {
                // Blocks 0-3 and 4-7 of the group: word w of both halves is columns 8w .. 8w + 7.
                Group(key, step, row, j, 0, out var a0, out var a1, out var a2, out var a3);
                Group(key, step, row, j, 4, out var b0, out var b1, out var b2, out var b3);
                var dst = mask.Slice(j - j0, 32);
                (Vector256.GreaterThanOrEqual(Vector256.Narrow(a0, b0) >>> 8, t) & keepBits).AsSingle().StoreUnsafe(ref dst[0]);
                (Vector256.GreaterThanOrEqual(Vector256.Narrow(a1, b1) >>> 8, t) & keepBits).AsSingle().StoreUnsafe(ref dst[8]);
                (Vector256.GreaterThanOrEqual(Vector256.Narrow(a2, b2) >>> 8, t) & keepBits).AsSingle().StoreUnsafe(ref dst[16]);
                (Vector256.GreaterThanOrEqual(Vector256.Narrow(a3, b3) >>> 8, t) & keepBits).AsSingle().StoreUnsafe(ref dst[24]);
            }
        }
        for (; j < j1; j++)
            mask[j - j0] = Draw(key, step, row, j) >= threshold ? keep : 0f;
    }

    // Eight Philox blocks (group * 8 + lane), each word a vector of eight 32-bit values in 64-bit lanes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Group(ulong key, ulong step, int row, int col, out Vector512<ulong> c0, out Vector512<ulong> c1,
        out Vector512<ulong> c2, out Vector512<ulong> c3)
    {
        var low = Vector512.Create(0xFFFF_FFFFUL);
        c0 = Vector512.Create((ulong)(uint)((col >> 5) * 8)) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
        c1 = Vector512.Create((ulong)(uint)row);
        c2 = Vector512.Create((ulong)(uint)step);
        c3 = Vector512.Create(step >> 32);
        uint k0 = (uint)key, k1 = (uint)(key >> 32);
        var m0 = Vector512.Create((ulong)M0);
        var m1 = Vector512.Create((ulong)M1);
        for (int round = 0; round < 10; round++)
        {
            // 32 x 32 -> 64-bit products (vpmuludq: the low halves of each 64-bit lane).
            var p0 = Avx512F.IsSupported ? Avx512F.Multiply(c0.AsUInt32(), m0.AsUInt32()) : c0 * m0;
            var p1 = Avx512F.IsSupported ? Avx512F.Multiply(c2.AsUInt32(), m1.AsUInt32()) : c2 * m1;
            c0 = (p1 >>> 32) ^ c1 ^ Vector512.Create((ulong)k0);
            c1 = p1 & low;
            c2 = (p0 >>> 32) ^ c3 ^ Vector512.Create((ulong)k1);
            c3 = p0 & low;
            k0 += W0;
            k1 += W1;
        }
    }

    // Four Philox blocks (group * 8 + first + lane), for machines without 512-bit vectors.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Group(ulong key, ulong step, int row, int col, int first, out Vector256<ulong> c0, out Vector256<ulong> c1,
        out Vector256<ulong> c2, out Vector256<ulong> c3)
    {
        var low = Vector256.Create(0xFFFF_FFFFUL);
        c0 = Vector256.Create((ulong)(uint)((col >> 5) * 8 + first)) + Vector256.Create(0UL, 1, 2, 3);
        c1 = Vector256.Create((ulong)(uint)row);
        c2 = Vector256.Create((ulong)(uint)step);
        c3 = Vector256.Create(step >> 32);
        uint k0 = (uint)key, k1 = (uint)(key >> 32);
        var m0 = Vector256.Create((ulong)M0);
        var m1 = Vector256.Create((ulong)M1);
        for (int round = 0; round < 10; round++)
        {
            var p0 = Avx2.IsSupported ? Avx2.Multiply(c0.AsUInt32(), m0.AsUInt32()) : c0 * m0;
            var p1 = Avx2.IsSupported ? Avx2.Multiply(c2.AsUInt32(), m1.AsUInt32()) : c2 * m1;
            c0 = (p1 >>> 32) ^ c1 ^ Vector256.Create((ulong)k0);
            c1 = p1 & low;
            c2 = (p0 >>> 32) ^ c3 ^ Vector256.Create((ulong)k1);
            c3 = p0 & low;
            k0 += W0;
            k1 += W1;
        }
    }
}
