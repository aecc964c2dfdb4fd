namespace SerAdapt.Engine;

/// <summary>
/// Updates a fixed list of parameters from their accumulated gradients. Frozen parameters are
/// skipped (their state does not move), like parameters without a gradient in PyTorch.
/// <para>
/// A step is element-wise, so it runs on the GEMM worker threads: every parameter is cut into
/// chunks of <see cref="ChunkFloats"/> elements (a multiple of the widest vector, so each element
/// takes the same vector or scalar path as in one pass), and the chunks are shared among
/// <see cref="Threads"/> threads. The result does not depend on the thread count.
/// </para>
/// </summary>
public abstract class Optimizer
{
    /// <summary>Elements per chunk of a parallel step (256 KB of each array).</summary>
    internal const int ChunkFloats = 1 << 16;

    /// <summary>Below this many elements per step the caller runs every chunk itself.</summary>
    private const long ParallelThreshold = 1L << 17;

    private readonly int[] _chunkParameter;
    private readonly int[] _chunkStart;
    private readonly StepWork _work;
    private readonly long _elements;

    protected Optimizer(IEnumerable<Parameter> parameters)
    {
        Parameters = [.. parameters];
        if (Parameters.Distinct().Count() != Parameters.Count)
            throw new ArgumentException("A parameter appears twice in the optimizer's list.", nameof(parameters));
        var owner = new List<int>();
        var start = new List<int>();
        for (int i = 0; i < Parameters.Count; i++)
        {
            int length = Parameters[i].Value.Length;
            _elements += length;
            for (int s = 0; s < length; s += ChunkFloats)
            {
                owner.Add(i);
                start.Add(s);
            }
        }
        _chunkParameter = [.. owner];
        _chunkStart = [.. start];
        _work = new StepWork(this);
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>How many times <see cref="Step"/> has run.</summary>
    public int StepCount { get; private set; }

    /// <summary>
    /// Most threads a step uses; 0 (the default): as many as the modules that own the parameters
    /// were given (<see cref="Module.Threads"/>), all cores when none was given.
    /// </summary>
    public int Threads
    {
        get => _threads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _threads = value;
        }
    }

    private int _threads;

    public void Step() => Step(_threads > 0 ? _threads : ParameterThreads());

    private int ParameterThreads()
    {
        int threads = 0;
        for (int i = 0; i < Parameters.Count; i++) // not foreach: the list's enumerator would be boxed
        {
            if (Parameters[i].Threads == 0)
                return Environment.ProcessorCount;
            threads = Math.Max(threads, Parameters[i].Threads);
        }
        return WorkerPool.ThreadsFor(threads);
    }

    /// <summary>A step on at most <paramref name="threads"/> threads (the same result for any count).</summary>
    internal void Step(int threads)
    {
        StepCount++;
        for (int i = 0; i < Parameters.Count; i++)
            if (!Parameters[i].Frozen)
                BeginUpdate(i, Parameters[i]);
        WorkerPool.Run(_work, _elements < ParallelThreshold ? 1 : threads, _chunkParameter.Length);
    }

    /// <summary>
    /// Marks every gradient as zero. The zeroing itself is deferred: the next backward pass writes
    /// the gradient instead of adding to it (and reading <see cref="Parameter.Grad"/> before that clears it).
    /// </summary>
    public void ZeroGrad()
    {
        for (int i = 0; i < Parameters.Count; i++) // (foreach over the interface would box an enumerator per step)
            Parameters[i].ZeroGrad();
    }

    /// <summary>
    /// Called once per step for each parameter that is not frozen, on the calling thread, before any
    /// <see cref="UpdateRange"/>: per-parameter bookkeeping (step counts, bias corrections).
    /// </summary>
    protected abstract void BeginUpdate(int index, Parameter parameter);

    /// <summary>
    /// Updates elements [start, start + length) of parameter <paramref name="index"/> for step
    /// <see cref="StepCount"/>; runs on any thread, concurrently with other ranges.
    /// </summary>
    protected abstract void UpdateRange(int index, Parameter parameter, int start, int length);

    private sealed class StepWork(Optimizer optimizer) : IParallelWork
    {
        public void RunChunk(int chunk)
        {
            int index = optimizer._chunkParameter[chunk];
            var parameter = optimizer.Parameters[index];
            if (parameter.Frozen)
                return;
            int start = optimizer._chunkStart[chunk];
            optimizer.UpdateRange(index, parameter, start, Math.Min(ChunkFloats, parameter.Value.Length - start));
        }
    }
}
