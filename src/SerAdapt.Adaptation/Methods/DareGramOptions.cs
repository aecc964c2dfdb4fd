namespace SerAdapt.Adaptation;

/// <summary>
/// DARE-GRAM settings (Nejjar, Wang, Fink, WACV 2024): loss = MSE_s + <paramref name="AngleWeight"/> angle
/// alignment + <paramref name="ScaleWeight"/> scale alignment of the pseudo-inverse Gram matrices, keeping
/// the leading eigenvalues that explain <paramref name="Threshold"/> of the variance. Defaults are the
/// authors' released code's (tradeoff_angle 0.05, tradeoff_scale 0.001, threshold 0.9); the paper's own
/// per-task values were not available here to check.
/// </summary>
public sealed record DareGramOptions(
    [property: Setting("daregram-angle", "DARE-GRAM: weight alpha of the angle alignment ||1 - cos||_1 / (d + 1) of the pseudo-inverse Gram matrices", Min = 0)] float AngleWeight = 0.05f,
    [property: Setting("daregram-scale", "DARE-GRAM: weight gamma of the scale alignment of the k leading Gram eigenvalues", Min = 0)] float ScaleWeight = 0.001f,
    [property: Setting("daregram-threshold", "DARE-GRAM: share of the variance the k kept eigenvalues must explain", Min = 0, MinExclusive = true, Max = 1)] float Threshold = 0.9f,
    [property: Setting(RegressorSetting.Name, RegressorSetting.Description, Min = 1)] int RegressorLayers = 4);
