namespace SerAdapt.Engine;

/// <summary>
/// Updates a fixed list of parameters from their accumulated gradients. Frozen parameters are
/// skipped (their state does not move), like parameters without a gradient in PyTorch.
/// </summary>
public abstract class Optimizer
{
    protected Optimizer(IEnumerable<Parameter> parameters)
    {
        Parameters = [.. parameters];
        if (Parameters.Distinct().Count() != Parameters.Count)
            throw new ArgumentException("A parameter appears twice in the optimizer's list.", nameof(parameters));
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>How many times <see cref="Step"/> has run.</summary>
    public int StepCount { get; private set; }

    public void Step()
    {
        StepCount++;
        for (int i = 0; i < Parameters.Count; i++)
            if (!Parameters[i].Frozen)
                Update(i, Parameters[i]);
    }

    public void ZeroGrad()
    {
        for (int i = 0; i < Parameters.Count; i++) // (foreach over the interface would box an enumerator per step)
            Parameters[i].Grad.Clear();
    }

    /// <summary>Updates parameter <paramref name="index"/> for step <see cref="StepCount"/>.</summary>
    protected abstract void Update(int index, Parameter parameter);
}
