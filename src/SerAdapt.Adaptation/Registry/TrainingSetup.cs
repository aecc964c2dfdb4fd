using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// What a method's per-batch step is built from: the freshly initialised model, the training settings,
/// the run's seeded randomness, and the networks trained beside the model (e.g. DANN's discriminator),
/// which follow the model into training and evaluation mode.
/// </summary>
public sealed class TrainingSetup
{
    private readonly List<Module> _extra = [];

    internal TrainingSetup(ValenceModel model, TrainingOptions training, Rng root)
    {
        Model = model;
        Training = training;
        Root = root;
    }

    public ValenceModel Model { get; }

    public TrainingOptions Training { get; }

    /// <summary>The run's root generator; networks draw from its "init" and "dropout" children.</summary>
    public Rng Root { get; }

    /// <summary>The encoder E.</summary>
    public Sequential Encoder => Model.EncoderNetwork;

    /// <summary>The model's only regression head (methods with one head).</summary>
    public Sequential Head() => Model.HeadNetworks.Count == 1
        ? Model.HeadNetworks[0]
        : throw new InvalidOperationException($"The {Model.Method} model has {Model.HeadNetworks.Count} heads; name one.");

    /// <summary>The regression head called <paramref name="name"/>.</summary>
    public Sequential Head(string name)
    {
        int index = Model.HeadNames.ToList().IndexOf(name);
        return index >= 0 ? Model.HeadNetworks[index]
            : throw new ArgumentException($"The {Model.Method} model has no head '{name}'; it has {string.Join(", ", Model.HeadNames)}.");
    }

    /// <summary>Trains <paramref name="module"/> beside the model (switched to training and evaluation mode with it); returns it.</summary>
    public T Train<T>(T module) where T : Module
    {
        _extra.Add(module);
        return module;
    }

    internal IReadOnlyList<Module> ExtraModules => _extra;
}
