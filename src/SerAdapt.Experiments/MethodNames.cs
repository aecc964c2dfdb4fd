namespace SerAdapt.Experiments;

/// <summary>How the paper writes each method's name in Table 1.</summary>
public static class MethodNames
{
    public static string Display(string method) => method switch
    {
        "source-only" => "Source-only",
        "train-on-target" => "Train-on-Target",
        "dann" => "DANN",
        "coral" => "Deep CORAL",
        "mrd" => "MRD",
        _ => method,
    };
}
