namespace SerAdapt.Adaptation;

/// <summary>The one regressor's depth, a setting shared by every single-regressor method (one name, one meaning).</summary>
public static class RegressorSetting
{
    public const string Name = "regressor-layers";
    public const string Description = "Linear layers of the single regressor R (the last one -> 1; not MRD, which has R1 and R2)";
}
