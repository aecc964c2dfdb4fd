namespace SerAdapt.Engine;

/// <summary>
/// Modules applied in order; children are named "0", "1", ... as in PyTorch's nn.Sequential,
/// so a parameter is "2.weight" here and there.
/// </summary>
public sealed class Sequential : Module
{
    private readonly List<Module> _modules;

    public Sequential(params IEnumerable<Module> modules)
    {
        _modules = [.. modules];
    }

    public int Count => _modules.Count;

    public Module this[int index] => _modules[index];

    public IReadOnlyList<Module> Modules => _modules;

    public void Add(Module module)
    {
        module.SetTraining(IsTraining);
        _modules.Add(module);
    }

    protected override IEnumerable<(string Name, Module Module)> Children =>
        _modules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m));

    public override void SetTraining(bool training)
    {
        base.SetTraining(training);
        foreach (var m in _modules)
            m.SetTraining(training);
    }

    protected override Module CreateReplica() => new Sequential(_modules.Select(m => m.Replicate()));

    public override Matrix Forward(Matrix x)
    {
        foreach (var m in _modules)
            x = m.Forward(x);
        return x;
    }

    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        if (_modules.Count == 0)
            return needInputGradient ? dy : null;
        for (int i = _modules.Count - 1; i > 0; i--)
            dy = _modules[i].BackwardCore(dy, needInputGradient: true)!;
        return _modules[0].BackwardCore(dy, needInputGradient);
    }
}
