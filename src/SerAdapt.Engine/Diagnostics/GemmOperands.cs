namespace SerAdapt.Engine;

/// <summary>The matrices of one <see cref="GemmShape"/>.</summary>
public sealed record GemmOperands(GemmShape Shape, Matrix A, Matrix B, Matrix C)
{
    public void Run(int threads = 0)
    {
        switch (Shape.Operation)
        {
            case GemmShape.Forward:
                Gemm.Multiply(A, false, B, true, C, threads: threads);
                break;
            case GemmShape.WeightGradient:
                Gemm.Multiply(A, true, B, false, C, 1f, 1f, threads);
                break;
            default:
                Gemm.Multiply(A, false, B, false, C, threads: threads);
                break;
        }
    }
}
