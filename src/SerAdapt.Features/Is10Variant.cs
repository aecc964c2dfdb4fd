namespace SerAdapt.Features;

/// <summary>Which openSMILE configuration to reproduce.</summary>
public enum Is10Variant
{
    /// <summary>IS10_paraling.conf (openSMILE 3.0).</summary>
    Is10,

    /// <summary>IS10_paraling_compat.conf: the original INTERSPEECH 2010 challenge baseline.</summary>
    Is10Compat,
}
