namespace SerAdapt.Data;

/// <summary>
/// A NaN, Inf or missing feature value that the import may not replace. The message suggests
/// <c>--impute mean</c> only when asked: the caller adds the hint (<see cref="WithImputeHint"/>)
/// where the command has that option; elsewhere (train, predict, extract...) it would point to nothing.
/// </summary>
public sealed class NonFiniteFeatureException : DataFormatException
{
    public const string ImputeHint = "use --impute mean to replace such values by the feature mean";

    public NonFiniteFeatureException(string file, int line, int column, string problem, bool hintsImpute = false)
        : base(file, line, column, hintsImpute ? $"{problem}; {ImputeHint}." : $"{problem}.")
    {
        Problem = problem;
    }

    /// <summary>What is wrong, without the hint.</summary>
    public string Problem { get; }

    /// <summary>The same error, suggesting <c>--impute mean</c>.</summary>
    public NonFiniteFeatureException WithImputeHint() => new(File, Line, Column, Problem, hintsImpute: true);
}
