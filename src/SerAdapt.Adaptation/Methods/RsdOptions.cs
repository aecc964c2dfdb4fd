namespace SerAdapt.Adaptation;

/// <summary>
/// RSD settings (Chen, Wang, Long, ICML 2021): loss = MSE_s + <paramref name="Lambda"/>
/// (sum sin theta + <paramref name="BasesWeight"/> ||abs(P_s) - abs(P_t)||_F). Defaults are the authors'
/// released code's (tradeoff 0.001, tradeoff2 0.01, from memory of thuml's code, not checked against the
/// paper's text here); on small toy problems a Lambda near 1 is needed for any visible effect.
/// </summary>
public sealed record RsdOptions(
    [property: Setting("rsd-lambda", "RSD: weight of the representation subspace distance (sum of sines of the principal angles + bases mismatch)", Min = 0)] float Lambda = 0.001f,
    [property: Setting("rsd-bases-weight", "RSD: weight of the bases-mismatch penalty ||abs(P_s) - abs(P_t)||_F inside the subspace distance", Min = 0)] float BasesWeight = 0.01f,
    [property: Setting(RegressorSetting.Name, RegressorSetting.Description, Min = 1)] int RegressorLayers = 4);
