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

    private readonly float[] _a = GC.AllocateUninitializedArray<float>(MC * KC, pinned: true);
    private readonly float[] _b = GC.AllocateUninitializedArray<float>(KC * NC, pinned: true);
    private readonly float[] _tile = GC.AllocateUninitializedArray<float>(GemmKernels.MR * 32, pinned: true);

    public static GemmWorkspace Current => _current ??= new GemmWorkspace();

    public float* A => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_a));
    public float* B => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_b));
    public float* Tile => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_tile));
}
