using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SerAdapt.Engine;

/// <summary>
/// One thread's packing buffers, allocated once per thread (pinned, so the kernels can hold raw
/// pointers) and reused by every GEMM call on that thread: no allocation in steady state.
/// </summary>
internal sealed unsafe class GemmWorkspace
{
    /// <summary>Rows of op(A) packed at once (a multiple of MR).</summary>
    public const int MC = 128;
    /// <summary>Depth of one packed block; every C element is summed in blocks of KC in k order.</summary>
    public const int KC = 256;
    /// <summary>Columns of op(B) packed at once (a multiple of every kernel's NR); KC x NC floats stay in L2.</summary>
    public const int NC = 512;

    [ThreadStatic] private static GemmWorkspace? _current;

    // One pinned array holds the three buffers, each starting on a 64-byte boundary: a 64-byte
    // vector load that straddles two cache lines costs about twice as much.
    private const int Align = 16;
    private readonly float[] _storage = GC.AllocateUninitializedArray<float>(MC * KC + KC * NC + GemmKernels.MR * 32 + Align, pinned: true);

    private GemmWorkspace()
    {
        float* start = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_storage));
        A = (float*)(((nint)start + 63) & ~(nint)63);
        B = A + MC * KC;
        Tile = B + KC * NC;
    }

    public static GemmWorkspace Current => _current ??= new GemmWorkspace();

    public float* A { get; }
    public float* B { get; }
    public float* Tile { get; }
}
