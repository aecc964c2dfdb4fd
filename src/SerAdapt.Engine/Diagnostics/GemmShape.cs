namespace SerAdapt.Engine;

/// <summary>
/// A GEMM as a Linear layer (in -> out, batch rows) issues it: forward y = x W^T, dW = dY^T x
/// (accumulated into the gradient, beta = 1), dX = dY W. Buffers come from <see cref="Allocate"/>.
/// </summary>
public sealed record GemmShape(string Operation, int Batch, int In, int Out)
{
    public const string Forward = "forward";
    public const string WeightGradient = "dW";
    public const string InputGradient = "dX";

    /// <summary>The three GEMMs of one Linear layer.</summary>
    public static IReadOnlyList<GemmShape> OfLinear(int batch, int inFeatures, int outFeatures) =>
    [
        new(Forward, batch, inFeatures, outFeatures),
        new(WeightGradient, batch, inFeatures, outFeatures),
        new(InputGradient, batch, inFeatures, outFeatures),
    ];

    /// <summary>The paper's layer shapes at a batch size: the 1582 -> 1024 input layer and a 1024 -> 1024 hidden layer.</summary>
    public static IReadOnlyList<GemmShape> PaperLayers(int batch) =>
        [.. OfLinear(batch, 1582, 1024), .. OfLinear(batch, 1024, 1024)];

    public double Flops => 2.0 * Batch * In * Out;

    public override string ToString() => Operation switch
    {
        Forward => $"forward {Batch}x{In} * ({Out}x{In})^T",
        WeightGradient => $"dW ({Batch}x{Out})^T * {Batch}x{In}",
        _ => $"dX {Batch}x{Out} * {Out}x{In}",
    };

    /// <summary>Operands filled from the seeded generator; <see cref="Run"/> multiplies them.</summary>
    public GemmOperands Allocate(Random random)
    {
        Matrix Fill(int rows, int cols)
        {
            var m = new Matrix(rows, cols);
            var s = m.Span;
            for (int i = 0; i < s.Length; i++)
                s[i] = (float)(random.NextDouble() * 2 - 1);
            return m;
        }
        return Operation switch
        {
            Forward => new GemmOperands(this, Fill(Batch, In), Fill(Out, In), new Matrix(Batch, Out)),
            WeightGradient => new GemmOperands(this, Fill(Batch, Out), Fill(Batch, In), Fill(Out, In)),
            InputGradient => new GemmOperands(this, Fill(Batch, Out), Fill(Out, In), new Matrix(Batch, In)),
            _ => throw new ArgumentException($"Unknown GEMM operation '{Operation}'."),
        };
    }
}
