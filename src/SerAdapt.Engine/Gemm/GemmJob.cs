using System.Runtime.CompilerServices;

namespace SerAdapt.Engine;

/// <summary>
/// One GEMM call with raw pointers (valid while the caller keeps its spans fixed) and the blocked
/// loop that computes a chunk of C. Chunks are bands of whole tiles along N (or along M when M is
/// larger), so each C element is computed by exactly one thread, by the same kernel, over the same
/// K blocks, in the same k order: the result does not depend on the number of threads or chunks.
/// </summary>
internal readonly unsafe struct GemmJob(
    GemmKernelKind kind, bool transA, bool transB, int m, int n, int k, float alpha,
    float* a, nint lda, float* b, nint ldb, float beta, float* c, nint ldc)
{
    private const int MR = GemmKernels.MR;

    public int Tiles(out bool alongN)
    {
        int nr = GemmKernels.Nr(kind);
        alongN = n >= m;
        return alongN ? (n + nr - 1) / nr : (m + MR - 1) / MR;
    }

    /// <summary>
    /// Computes chunk <paramref name="chunk"/> of <paramref name="chunks"/> (a band of whole tiles).
    /// Which thread computes a chunk does not change its result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunChunk(int chunk, int chunks)
    {
        int nr = GemmKernels.Nr(kind);
        int tiles = Tiles(out bool alongN);
        int t0 = (int)((long)tiles * chunk / chunks), t1 = (int)((long)tiles * (chunk + 1) / chunks);
        if (t0 == t1)
            return;
        if (alongN)
            RunBlock(0, m, t0 * nr, Math.Min(n, t1 * nr));
        else
            RunBlock(t0 * MR, Math.Min(m, t1 * MR), 0, n);
    }

    // BLIS-style loops: a KC x NC panel of op(B) stays in L2, an MR x KC sliver of op(A) in L1,
    // and the micro-kernel streams B slivers past it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunBlock(int m0, int m1, int n0, int n1)
    {
        var ws = GemmWorkspace.Current;
        float* aPack = ws.A, bPack = ws.B, tile = ws.Tile;
        int nr = GemmKernels.Nr(kind);
        for (int jc = n0; jc < n1; jc += GemmWorkspace.NC)
        {
            int nc = Math.Min(GemmWorkspace.NC, n1 - jc);
            for (int pc = 0; pc < k; pc += GemmWorkspace.KC)
            {
                int kc = Math.Min(GemmWorkspace.KC, k - pc);
                int mode = pc > 0 ? GemmKernels.Accumulate : beta == 0f ? GemmKernels.Assign : GemmKernels.AssignBeta;
                GemmPacking.PackB(transB, b, ldb, pc, kc, jc, nc, nr, bPack);
                for (int ic = m0; ic < m1; ic += GemmWorkspace.MC)
                {
                    int mc = Math.Min(GemmWorkspace.MC, m1 - ic);
                    GemmPacking.PackA(transA, a, lda, ic, mc, pc, kc, aPack);
                    for (int ir = 0; ir < mc; ir += MR)
                    {
                        int rows = Math.Min(MR, mc - ir);
                        float* ap = aPack + (nint)ir * kc;
                        float* cRow = c + (ic + ir) * ldc + jc;
                        for (int jr = 0; jr < nc; jr += nr)
                        {
                            int cols = Math.Min(nr, nc - jr);
                            float* bp = bPack + (nint)jr * kc;
                            if (rows == MR && cols == nr)
                            {
                                GemmKernels.Run(kind, kc, ap, bp, cRow + jr, ldc, alpha, beta, mode);
                            }
                            else
                            {
                                GemmKernels.Run(kind, kc, ap, bp, tile, nr, alpha, beta, GemmKernels.Raw);
                                GemmKernels.WriteEdge(tile, nr, cRow + jr, ldc, rows, cols, alpha, beta, mode);
                            }
                        }
                    }
                }
            }
        }
    }
}
