namespace SerAdapt.Evaluation;

/// <summary>Which t-SNE gradient to use: exact O(n^2), Barnes-Hut O(n log n), or chosen by size.</summary>
public enum TsneMethod
{
    Auto,
    Exact,
    BarnesHut,
}
