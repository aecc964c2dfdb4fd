namespace SerAdapt.Experiments;

/// <summary>
/// The (grid point, epoch) a criterion chose in one repeat, the target CCC there, the oracle's best target CCC
/// over every point and epoch of the repeat, and the regret (oracle - chosen).
/// </summary>
public sealed record SelectionChoice(int Repeat, int Point, string Settings, int Epoch, double TargetCcc, double OracleCcc)
{
    public double Regret => OracleCcc - TargetCcc;
}
