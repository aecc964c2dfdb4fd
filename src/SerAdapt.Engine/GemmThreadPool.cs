namespace SerAdapt.Engine;

/// <summary>
/// Dedicated worker threads (created on first use, then parked): the caller and threads - 1
/// workers take the chunks of a GEMM job, or of any other <see cref="IParallelWork"/> (optimiser
/// steps, element-wise layers), from a shared counter. No allocation per job. If another thread
/// is already using the pool, the caller runs all chunks itself, which gives the same result.
/// </summary>
internal static class GemmThreadPool
{
    private static readonly object _gate = new();
    private static readonly ManualResetEventSlim _done = new(false, 2000);
    private static Worker[] _workers = [];
    private static GemmJob _job;
    private static IParallelWork? _work;
    private static int _chunks;
    private static int _next;
    private static int _pending;
    private static Exception? _error;

    public static void Run(in GemmJob job, int threads, int chunks)
    {
        if (threads <= 1 || !Monitor.TryEnter(_gate))
        {
            int next = 0;
            job.RunChunks(ref next, chunks);
            return;
        }
        _job = job;
        RunLocked(threads, chunks);
    }

    /// <summary>Runs chunks 0 .. chunks - 1 of <paramref name="work"/> on up to <paramref name="threads"/> threads.</summary>
    public static void Run(IParallelWork work, int threads, int chunks)
    {
        if (threads <= 1 || chunks <= 1 || !Monitor.TryEnter(_gate))
        {
            for (int chunk = 0; chunk < chunks; chunk++)
                work.RunChunk(chunk);
            return;
        }
        _work = work;
        RunLocked(Math.Min(threads, chunks), chunks);
    }

    // Called holding _gate with _job or _work set; releases the gate.
    private static void RunLocked(int threads, int chunks)
    {
        try
        {
            EnsureWorkers(threads - 1);
            _chunks = chunks;
            _next = 0;
            _error = null;
            _pending = threads - 1;
            _done.Reset();
            for (int w = 0; w < threads - 1; w++)
                _workers[w].Start.Set();
            try
            {
                RunShared();
            }
            finally
            {
                _done.Wait();
            }
            if (_error is not null)
                throw new InvalidOperationException("A worker thread failed.", _error);
        }
        finally
        {
            _job = default;
            _work = null;
            Monitor.Exit(_gate);
        }
    }

    private static void RunShared()
    {
        if (_work is { } work)
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref _next) - 1) < _chunks)
                work.RunChunk(chunk);
        }
        else
        {
            _job.RunChunks(ref _next, _chunks);
        }
    }

    private static void EnsureWorkers(int count)
    {
        if (_workers.Length >= count)
            return;
        var grown = new Worker[count];
        Array.Copy(_workers, grown, _workers.Length);
        for (int w = _workers.Length; w < count; w++)
            grown[w] = new Worker(w);
        _workers = grown;
    }

    private sealed class Worker
    {
        public readonly ManualResetEventSlim Start = new(false, 2000);
        public Worker(int index)
        {
            new Thread(Loop) { IsBackground = true, Name = $"SerAdapt GEMM {index + 1}" }.Start();
        }

        private void Loop()
        {
            while (true)
            {
                Start.Wait();
                Start.Reset();
                try
                {
                    RunShared();
                }
                catch (Exception ex)
                {
                    _error = ex;
                }
                if (Interlocked.Decrement(ref _pending) == 0)
                    _done.Set();
            }
        }
    }
}
