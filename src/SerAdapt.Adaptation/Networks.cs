using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Builds the MRD paper's networks (Interspeech 2019, Section 3): every hidden block is
/// Linear -> BatchNorm1d -> SELU -> Dropout, flattened into one nn.Sequential-style list so that
/// weights are named as PyTorch names them ("0.weight" Linear, "1.weight" BatchNorm, "4.weight" the
/// next Linear...). Linear weights use LeCun-normal initialisation, W ~ N(0, 1/fan_in) with zero
/// bias, the initialisation SELU networks are designed for (Klambauer et al. 2017). A Linear followed
/// by BatchNorm1d has no bias: the batch normalisation removes it exactly in training (its beta plays
/// that role), and a redundant bias would only collect float rounding noise that Adam amplifies.
/// <para>
/// Randomness: each Linear draws from init.Child(name + "." + index) and each Dropout from
/// dropout.Child(name + "." + index), so one network's draws never shift another's.
/// </para>
/// </summary>
public static class Networks
{
    /// <summary>Encoder E: <paramref name="layers"/> blocks, inputs -> width -> ... -> width.</summary>
    public static Sequential Encoder(int inputs, int width, int layers, float dropout, Rng init, Rng dropoutRng) =>
        Blocks("encoder", inputs, width, layers, dropout, init, dropoutRng);

    /// <summary>
    /// A regression head of <paramref name="layers"/> Linear layers: (layers - 1) hidden blocks of
    /// width <paramref name="width"/> and a final Linear(width -> 1).
    /// </summary>
    public static Sequential Regressor(string name, int width, int layers, float dropout, Rng init, Rng dropoutRng)
    {
        var net = Blocks(name, width, width, layers - 1, dropout, init, dropoutRng);
        net.Add(new Linear(width, 1, init.Child($"{name}.{net.Count}"), LinearInit.LeCunNormal));
        return net;
    }

    /// <summary>
    /// DANN's domain discriminator (Ganin &amp; Lempitsky 2015): a gradient reversal layer, then
    /// (layers - 1) hidden blocks and a final Linear(width -> 1) giving the logit of "target".
    /// </summary>
    public static Sequential Discriminator(int inputs, int width, int layers, float dropout, Rng init, Rng dropoutRng)
    {
        var net = new Sequential(new GradientReversal(0f));
        AppendBlocks(net, "discriminator", inputs, width, layers - 1, dropout, init, dropoutRng);
        int last = layers > 1 ? width : inputs;
        net.Add(new Linear(last, 1, init.Child($"discriminator.{net.Count}"), LinearInit.LeCunNormal));
        return net;
    }

    /// <summary>The encoder and heads of <paramref name="architecture"/>, initialised from <paramref name="root"/>.</summary>
    public static (Sequential Encoder, IReadOnlyList<Sequential> Heads) Build(NetworkArchitecture architecture, Rng root)
    {
        architecture.Validate();
        Rng init = root.Child("init"), dropout = root.Child("dropout");
        var encoder = Encoder(architecture.Inputs, architecture.Width, architecture.EncoderLayers, architecture.Dropout, init, dropout);
        var heads = architecture.HeadLayers
            .Select(h => Regressor(h.Name, architecture.Width, h.Layers, architecture.Dropout, init, dropout))
            .ToList();
        return (encoder, heads);
    }

    private static Sequential Blocks(string name, int inputs, int width, int blocks, float dropout, Rng init, Rng dropoutRng)
    {
        var net = new Sequential();
        AppendBlocks(net, name, inputs, width, blocks, dropout, init, dropoutRng);
        return net;
    }

    private static void AppendBlocks(Sequential net, string name, int inputs, int width, int blocks, float dropout, Rng init, Rng dropoutRng)
    {
        for (int b = 0; b < blocks; b++)
        {
            net.Add(new Linear(b == 0 ? inputs : width, width, init.Child($"{name}.{net.Count}"), LinearInit.LeCunNormal, bias: false));
            net.Add(new BatchNorm1d(width));
            net.Add(new Selu());
            net.Add(new Dropout(dropoutRng.Child($"{name}.{net.Count}"), dropout));
        }
    }
}
