namespace SerAdapt.Engine;

/// <summary>
/// A layer (or a network of layers) with explicit forward and backward passes.
/// <para>
/// <see cref="Forward"/> caches what the backward pass needs from the LAST forward only and
/// returns a matrix the module owns: it is overwritten by the next forward (buffers are reused
/// step after step and reallocated only when the batch size changes). <see cref="Backward"/>
/// accumulates parameter gradients (skipped for frozen parameters) and returns dx, also owned by
/// the module. Parameter and buffer names follow PyTorch's state_dict ("0.weight",
/// "1.running_mean"), so weights map 1:1 to a PyTorch nn.Sequential.
/// </para>
/// </summary>
public abstract class Module
{
    public bool IsTraining { get; private set; } = true;

    /// <summary>Training mode (batch statistics, dropout on) or evaluation mode; containers pass it on.</summary>
    public virtual void SetTraining(bool training) => IsTraining = training;

    /// <summary>
    /// Most threads this module's products and element-wise passes use (0, the default: all cores).
    /// Setting it on a network sets it on every module inside, and optimizers of their parameters
    /// follow it unless given their own. Results do not depend on it.
    /// </summary>
    public int Threads
    {
        get => _threads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _threads = value;
            foreach (var p in OwnParameters)
                p.Threads = value;
            foreach (var (_, child) in Children)
                child.Threads = value;
        }
    }

    private int _threads;

    public void Train() => SetTraining(true);

    public void Eval() => SetTraining(false);

    // x: (N, in) -> y: (N, out), owned by the module.
    public abstract Matrix Forward(Matrix x);

    // dy: (N, out) -> dx: (N, in), owned by the module; accumulates parameter gradients.
    public Matrix Backward(Matrix dy) => BackwardCore(dy, needInputGradient: true)
        ?? throw new InvalidOperationException($"{GetType().Name} returned no input gradient.");

    /// <summary>Backward for the first layer of a network: accumulates parameter gradients, skips dx.</summary>
    public void BackwardWithoutInputGradient(Matrix dy) => BackwardCore(dy, needInputGradient: false);

    /// <summary>Returns dx when <paramref name="needInputGradient"/>, else may return null.</summary>
    protected internal abstract Matrix? BackwardCore(Matrix dy, bool needInputGradient);

    /// <summary>This module's own parameters (not its children's), in state_dict order.</summary>
    protected virtual IEnumerable<Parameter> OwnParameters => [];

    /// <summary>This module's own buffers (e.g. running statistics), in state_dict order.</summary>
    protected virtual IEnumerable<StateTensor> OwnBuffers => [];

    /// <summary>Child modules with their names ("0", "1", ...).</summary>
    protected virtual IEnumerable<(string Name, Module Module)> Children => [];

    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters(string prefix = "")
    {
        foreach (var p in OwnParameters)
            yield return (prefix + p.Name, p);
        foreach (var (name, child) in Children)
            foreach (var item in child.NamedParameters(prefix + name + "."))
                yield return item;
    }

    public IEnumerable<(string Name, StateTensor Buffer)> NamedBuffers(string prefix = "")
    {
        foreach (var b in OwnBuffers)
            yield return (prefix + b.Name, b);
        foreach (var (name, child) in Children)
            foreach (var item in child.NamedBuffers(prefix + name + "."))
                yield return item;
    }

    /// <summary>Parameters and buffers in PyTorch's state_dict order (per module: parameters, then buffers).</summary>
    public IEnumerable<(string Name, StateTensor Tensor)> NamedState(string prefix = "")
    {
        foreach (var p in OwnParameters)
            yield return (prefix + p.Name, p);
        foreach (var b in OwnBuffers)
            yield return (prefix + b.Name, b);
        foreach (var (name, child) in Children)
            foreach (var item in child.NamedState(prefix + name + "."))
                yield return item;
    }

    public IReadOnlyList<Parameter> Parameters() => NamedParameters().Select(p => p.Parameter).ToList();

    public void ZeroGrad()
    {
        foreach (var (_, p) in NamedParameters())
            p.ZeroGrad();
    }

    /// <summary>
    /// Frozen: no parameter gradient is accumulated and optimizers skip the parameters, but the
    /// module still passes gradients to its input. Setting it applies to every parameter inside;
    /// reading it tells whether all of them are frozen (true for a module without parameters).
    /// </summary>
    public bool Frozen
    {
        get => NamedParameters().All(p => p.Parameter.Frozen);
        set
        {
            foreach (var (_, p) in NamedParameters())
                p.Frozen = value;
        }
    }

    /// <summary>Copies of every parameter and buffer, named as in PyTorch's state_dict.</summary>
    public Dictionary<string, TensorData> StateDict(string prefix = "")
    {
        var dict = new Dictionary<string, TensorData>(StringComparer.Ordinal);
        foreach (var (name, t) in NamedState(prefix))
            dict.Add(name, new TensorData(t.Shape, t.Value.Span.ToArray()));
        return dict;
    }

    /// <summary>
    /// Loads every parameter and buffer from <paramref name="tensors"/> (names as in
    /// <see cref="StateDict"/>); a missing name or a different shape throws. Extra names are ignored
    /// so that one file can hold several modules under different prefixes.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, TensorData> tensors, string prefix = "")
    {
        foreach (var (name, t) in NamedState(prefix))
        {
            if (!tensors.TryGetValue(name, out var data))
                throw new KeyNotFoundException($"State tensor '{name}' {t.ShapeString} is missing.");
            if (!data.Shape.AsSpan().SequenceEqual(t.Shape))
                throw new ShapeMismatchException($"State tensor '{name}': the module has shape {t.ShapeString}, the data has {data.ShapeString}.");
            data.Values.CopyTo(t.Value.Span);
        }
    }
}
