using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SerAdapt.Engine;

/// <summary>
/// Register-blocked micro-kernels: an MR x NR tile of C from a packed A sliver (for each k, MR values)
/// and a packed B sliver (for each k, NR values), accumulated in registers over kc steps, in k order.
/// Every C element gets the same sequence of operations whichever tile or thread computes it, so
/// results do not depend on how the work is split.
/// </summary>
internal static unsafe class GemmKernels
{
    /// <summary>Rows of a tile (and of a packed A sliver), the same for every kernel.</summary>
    public const int MR = 8;

    // How a finished tile meets C (the same formulas in the vector and the scalar edge paths).
    public const int Raw = 0;        // C = acc (edge tiles go to a scratch tile first)
    public const int Assign = 1;     // C = alpha * acc                  (first K block, beta == 0: C is not read)
    public const int AssignBeta = 2; // C = fma(beta, C, alpha * acc)    (first K block)
    public const int Accumulate = 3; // C = fma(alpha, acc, C)           (later K blocks)

    public static GemmKernelKind Best { get; } =
        Vector512.IsHardwareAccelerated ? GemmKernelKind.Vector512
        : Vector256.IsHardwareAccelerated ? GemmKernelKind.Vector256
        : GemmKernelKind.Scalar;

    /// <summary>Columns of a tile (and of a packed B sliver) for a kernel.</summary>
    public static int Nr(GemmKernelKind kind) => kind switch
    {
        GemmKernelKind.Vector512 => 32,
        GemmKernelKind.Vector256 => 8,
        _ => 4,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(GemmKernelKind kind, int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, int mode)
    {
        if (kind == GemmKernelKind.Vector512) Kernel512(kc, a, b, c, ldc, alpha, beta, mode);
        else if (kind == GemmKernelKind.Vector256) Kernel256(kc, a, b, c, ldc, alpha, beta, mode);
        else KernelScalar(kc, a, b, c, ldc, alpha, beta, mode);
    }

    // 8 x 32 tile: 16 zmm accumulators, 2 B loads and 8 broadcasts per 16 FMAs.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel512(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, int mode)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b), b1 = Vector512.Load(b + 16), av;
            av = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(av, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(av, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(av, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(av, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(av, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(av, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(av, b1, c51);
            av = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(av, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(av, b1, c61);
            av = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(av, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(av, b1, c71);
            a += MR;
            b += 32;
        }
        Write512(c + 0 * ldc, c00, c01, alpha, beta, mode);
        Write512(c + 1 * ldc, c10, c11, alpha, beta, mode);
        Write512(c + 2 * ldc, c20, c21, alpha, beta, mode);
        Write512(c + 3 * ldc, c30, c31, alpha, beta, mode);
        Write512(c + 4 * ldc, c40, c41, alpha, beta, mode);
        Write512(c + 5 * ldc, c50, c51, alpha, beta, mode);
        Write512(c + 6 * ldc, c60, c61, alpha, beta, mode);
        Write512(c + 7 * ldc, c70, c71, alpha, beta, mode);
    }

    // 8 x 8 tile: 8 ymm accumulators (fits the 16 registers of AVX2 machines).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel256(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, int mode)
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b);
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(a[0]), b0, c0);
            c1 = Vector256.FusedMultiplyAdd(Vector256.Create(a[1]), b0, c1);
            c2 = Vector256.FusedMultiplyAdd(Vector256.Create(a[2]), b0, c2);
            c3 = Vector256.FusedMultiplyAdd(Vector256.Create(a[3]), b0, c3);
            c4 = Vector256.FusedMultiplyAdd(Vector256.Create(a[4]), b0, c4);
            c5 = Vector256.FusedMultiplyAdd(Vector256.Create(a[5]), b0, c5);
            c6 = Vector256.FusedMultiplyAdd(Vector256.Create(a[6]), b0, c6);
            c7 = Vector256.FusedMultiplyAdd(Vector256.Create(a[7]), b0, c7);
            a += MR;
            b += 8;
        }
        Write256(c + 0 * ldc, c0, alpha, beta, mode);
        Write256(c + 1 * ldc, c1, alpha, beta, mode);
        Write256(c + 2 * ldc, c2, alpha, beta, mode);
        Write256(c + 3 * ldc, c3, alpha, beta, mode);
        Write256(c + 4 * ldc, c4, alpha, beta, mode);
        Write256(c + 5 * ldc, c5, alpha, beta, mode);
        Write256(c + 6 * ldc, c6, alpha, beta, mode);
        Write256(c + 7 * ldc, c7, alpha, beta, mode);
    }

    // 8 x 4 tile without SIMD, for hardware that accelerates neither vector width.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void KernelScalar(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, int mode)
    {
        float* acc = stackalloc float[MR * 4];
        new Span<float>(acc, MR * 4).Clear();
        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < MR; r++)
            {
                float ar = a[r];
                float* row = acc + r * 4;
                row[0] += ar * b[0];
                row[1] += ar * b[1];
                row[2] += ar * b[2];
                row[3] += ar * b[3];
            }
            a += MR;
            b += 4;
        }
        for (int r = 0; r < MR; r++)
            for (int j = 0; j < 4; j++)
                c[r * ldc + j] = Combine(acc[r * 4 + j], c[r * ldc + j], alpha, beta, mode);
    }

    /// <summary>Writes the valid rows x cols part of a scratch tile (raw accumulators, row stride ldt) into C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteEdge(float* tile, nint ldt, float* c, nint ldc, int rows, int cols, float alpha, float beta, int mode)
    {
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++)
                c[r * ldc + j] = Combine(tile[r * ldt + j], c[r * ldc + j], alpha, beta, mode);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Combine(float acc, float old, float alpha, float beta, int mode) => mode switch
    {
        Raw => acc,
        Assign => alpha * acc,
        AssignBeta => MathF.FusedMultiplyAdd(beta, old, alpha * acc),
        _ => MathF.FusedMultiplyAdd(alpha, acc, old),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write512(float* c, Vector512<float> x0, Vector512<float> x1, float alpha, float beta, int mode)
    {
        switch (mode)
        {
            case Raw:
                x0.Store(c);
                x1.Store(c + 16);
                break;
            case Assign:
                (x0 * alpha).Store(c);
                (x1 * alpha).Store(c + 16);
                break;
            case AssignBeta:
                Vector512.FusedMultiplyAdd(Vector512.Create(beta), Vector512.Load(c), x0 * alpha).Store(c);
                Vector512.FusedMultiplyAdd(Vector512.Create(beta), Vector512.Load(c + 16), x1 * alpha).Store(c + 16);
                break;
            default:
                Vector512.FusedMultiplyAdd(Vector512.Create(alpha), x0, Vector512.Load(c)).Store(c);
                Vector512.FusedMultiplyAdd(Vector512.Create(alpha), x1, Vector512.Load(c + 16)).Store(c + 16);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write256(float* c, Vector256<float> x, float alpha, float beta, int mode)
    {
        switch (mode)
        {
            case Raw:
                x.Store(c);
                break;
            case Assign:
                (x * alpha).Store(c);
                break;
            case AssignBeta:
                Vector256.FusedMultiplyAdd(Vector256.Create(beta), Vector256.Load(c), x * alpha).Store(c);
                break;
            default:
                Vector256.FusedMultiplyAdd(Vector256.Create(alpha), x, Vector256.Load(c)).Store(c);
                break;
        }
    }
}
