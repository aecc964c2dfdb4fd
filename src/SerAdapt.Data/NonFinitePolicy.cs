namespace SerAdapt.Data;

/// <summary>What an import does with NaN, Inf or missing ('?') feature values.</summary>
public enum NonFinitePolicy
{
    Fail,
    ImputeMean,
}
