namespace SerAdapt.Adaptation;

/// <summary>The five systems of the MRD paper's Table 1, by their command-line names.</summary>
public static class AdaptationMethods
{
    /// <summary>In Table-1 order: source-only, train-on-target, dann, coral, mrd.</summary>
    public static IReadOnlyList<string> Names { get; } = ["source-only", "train-on-target", "dann", "coral", "mrd"];

    /// <summary>The method with its paper defaults; <see cref="ArgumentException"/> for an unknown name.</summary>
    public static IAdaptationMethod Create(string name) => Create(name, null, null, null, null);

    public static IAdaptationMethod Create(string name, MrdOptions? mrd = null, DannOptions? dann = null,
        CoralOptions? coral = null, SourceOnlyOptions? sourceOnly = null) => name switch
    {
        "source-only" => new SourceOnly(sourceOnly ?? new SourceOnlyOptions()),
        "train-on-target" => new TrainOnTarget(sourceOnly ?? new SourceOnlyOptions()),
        "dann" => new Dann(dann ?? new DannOptions()),
        "coral" => new DeepCoral(coral ?? new CoralOptions()),
        "mrd" => new Mrd(mrd ?? new MrdOptions()),
        _ => throw new ArgumentException($"Unknown method '{name}'; expected one of: {string.Join(", ", Names)}."),
    };
}
