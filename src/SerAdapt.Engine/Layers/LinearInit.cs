namespace SerAdapt.Engine;

/// <summary>How <see cref="Linear"/> draws its initial weights.</summary>
public enum LinearInit
{
    /// <summary>PyTorch's nn.Linear default: W and b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).</summary>
    PyTorchDefault,

    /// <summary>LeCun normal for SELU networks (Klambauer et al. 2017): W ~ N(0, 1/fan_in), b = 0.</summary>
    LeCunNormal,
}
