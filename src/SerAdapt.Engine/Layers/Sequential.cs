namespace SerAdapt.Engine;

/// <summary>
/// Modules applied in order; children are named "0", "1", ... as in PyTorch's nn.Sequential,
/// so a parameter is "2.weight" here and there.
/// </summary>
public sealed class Sequential : Module
{
    private readonly List<Module> _modules;
    private bool[] _fusedAt = []; // the last forward ran modules i .. i + 2 fused

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
        module.Threads = Threads;
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

    // In training, BatchNorm1d -> Selu -> Dropout runs as one fused pass forward and one backward
    // (the same values as the three layers in turn, with fewer passes over the batch).
    public override Matrix Forward(Matrix x)
    {
        if (_fusedAt.Length != _modules.Count)
            _fusedAt = new bool[_modules.Count];
        for (int i = 0; i < _modules.Count; i++)
        {
            if (_modules[i] is BatchNorm1d { IsTraining: true } bn && i + 2 < _modules.Count
                && _modules[i + 1] is Selu selu && _modules[i + 2] is Dropout dropout)
            {
                _fusedAt[i] = true;
                _fusedAt[i + 1] = _fusedAt[i + 2] = false;
                x = bn.ForwardFused(x, selu, dropout);
                i += 2;
                continue;
            }
            _fusedAt[i] = false;
            x = _modules[i].Forward(x);
        }
        return x;
    }

    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        if (_modules.Count == 0)
            return needInputGradient ? dy : null;
        Matrix? d = dy;
        for (int i = _modules.Count - 1; i >= 0; i--)
        {
            if (i >= 2 && _fusedAt.Length == _modules.Count && _fusedAt[i - 2])
            {
                i -= 2;
                d = ((BatchNorm1d)_modules[i]).BackwardFused(d!, needInputGradient: i > 0 || needInputGradient);
            }
            else
            {
                d = _modules[i].BackwardCore(d!, needInputGradient: i > 0 || needInputGradient);
            }
        }
        return d;
    }
}
