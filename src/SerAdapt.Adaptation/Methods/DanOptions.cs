namespace SerAdapt.Adaptation;

/// <summary>
/// DAN settings (Long et al. 2015): loss = MSE_s + <paramref name="Lambda"/> MK-MMD^2(E(x_s), E(x_t)) with
/// <paramref name="Kernels"/> Gaussian kernels whose squared bandwidths step by <paramref name="KernelMultiplier"/>.
/// </summary>
public sealed record DanOptions(
    [property: Setting("mmd-lambda", "DAN: weight of the multi-kernel MMD^2 between source and target encodings", Min = 0)] float Lambda = 1f,
    [property: Setting("mmd-kernels", "DAN: number of Gaussian kernels, squared bandwidths a geometric family around the batch's mean squared distance", Min = 1)] int Kernels = 5,
    [property: Setting("mmd-kernel-multiplier", "DAN: ratio of successive squared bandwidths", Min = 1)] float KernelMultiplier = 2f,
    [property: Setting(RegressorSetting.Name, RegressorSetting.Description, Min = 1)] int RegressorLayers = 4);
