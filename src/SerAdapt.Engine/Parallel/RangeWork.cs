namespace SerAdapt.Engine;

/// <summary>
/// Element-wise work over [0, length) (elements, or the columns of a batch) split into a few ranges
/// for the worker threads. Every range starts at a multiple of <see cref="Align"/>, so each element
/// takes the same vector or scalar path as in one pass over the whole length: the result does not
/// depend on the thread count. Small jobs run on the calling thread.
/// </summary>
internal abstract class RangeWork : IParallelWork
{
    /// <summary>Range starts are multiples of this (the widest vector, in floats).</summary>
    public const int Align = 16;

    /// <summary>Below this many floats touched in total, a job runs on the calling thread only.</summary>
    private const long ParallelThreshold = 1L << 14;

    private int _length;
    private int _chunks;

    /// <summary>
    /// Runs <see cref="RunRange"/> over [0, length) on up to <paramref name="threads"/> threads (0: all cores);
    /// <paramref name="elements"/> is the job's size in floats.
    /// </summary>
    protected void Run(int length, long elements, int threads)
    {
        int units = (length + Align - 1) / Align;
        threads = elements < ParallelThreshold ? 1 : WorkerPool.ThreadsFor(threads);
        _length = length;
        _chunks = Math.Max(1, Math.Min(units, threads));
        WorkerPool.Run(this, threads, _chunks);
    }

    public void RunChunk(int chunk)
    {
        int units = (_length + Align - 1) / Align;
        int start = (int)((long)units * chunk / _chunks) * Align;
        int end = Math.Min(_length, (int)((long)units * (chunk + 1) / _chunks) * Align);
        if (start < end)
            RunRange(start, end);
    }

    protected abstract void RunRange(int start, int end);
}
