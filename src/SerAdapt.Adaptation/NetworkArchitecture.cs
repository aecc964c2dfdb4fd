namespace SerAdapt.Adaptation;

/// <summary>
/// The shape of a valence network: encoder E with <paramref name="EncoderLayers"/> hidden blocks of
/// width <paramref name="Width"/> from <paramref name="Inputs"/> features, and named regression heads
/// (<see cref="HeadLayers"/>: "r1" 4 layers and "r2" 5 layers for MRD, "regressor" otherwise), each
/// (layers - 1) hidden blocks and a final Linear(width -> 1). A hidden block is
/// Linear -> BatchNorm1d -> SELU -> Dropout(<paramref name="Dropout"/>).
/// </summary>
public sealed record NetworkArchitecture(int Inputs, int Width, int EncoderLayers, IReadOnlyList<HeadShape> HeadLayers, float Dropout)
{
    public void Validate()
    {
        if (Inputs < 1) throw new ArgumentException($"A network needs at least 1 input feature, got {Inputs}.");
        if (Width < 1) throw new ArgumentException($"The width must be positive, got {Width}.");
        if (EncoderLayers < 1) throw new ArgumentException($"The encoder needs at least 1 layer, got {EncoderLayers}.");
        if (HeadLayers.Count == 0) throw new ArgumentException("A network needs at least one regression head.");
        foreach (var head in HeadLayers)
            if (head.Layers < 1) throw new ArgumentException($"Head '{head.Name}' needs at least 1 layer, got {head.Layers}.");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentException($"Dropout must be in [0, 1), got {Dropout}.");
    }
}

/// <summary>A regression head's name (its weights' prefix, e.g. "r1") and depth in Linear layers.</summary>
public sealed record HeadShape(string Name, int Layers);
