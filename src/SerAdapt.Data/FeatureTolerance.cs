namespace SerAdapt.Data;

/// <summary>
/// When two feature values count as equal: |candidate - reference| &lt;= max(Relative |reference|, AbsoluteFloor).
/// The default is the IS10 parity criterion (1e-3 relative, 1e-4 absolute floor for values near zero).
/// Two NaNs are equal; a NaN and a number are not.
/// </summary>
public readonly record struct FeatureTolerance(double Relative, double AbsoluteFloor)
{
    public static FeatureTolerance Is10Parity => new(1e-3, 1e-4);

    /// <summary>The difference in units of the allowed difference: &lt;= 1 is within tolerance (0 for two NaNs, +Inf for one).</summary>
    public double Excess(double candidate, double reference)
    {
        if (double.IsNaN(candidate) || double.IsNaN(reference))
            return double.IsNaN(candidate) && double.IsNaN(reference) ? 0 : double.PositiveInfinity;
        if (candidate == reference) return 0; // equal infinities too
        double allowed = Math.Max(Relative * Math.Abs(reference), AbsoluteFloor);
        return Math.Abs(candidate - reference) / allowed;
    }

    public bool Holds(double candidate, double reference) => Excess(candidate, reference) <= 1;

    public override string ToString() =>
        FormattableString.Invariant($"{Relative:G3} relative, {AbsoluteFloor:G3} absolute floor");
}
