namespace SerAdapt.Engine;

/// <summary>The micro-kernel families of <see cref="Gemm"/>; the fastest one the hardware accelerates is picked at start-up.</summary>
public enum GemmKernelKind
{
    Scalar,
    Vector256,
    Vector512,
}
