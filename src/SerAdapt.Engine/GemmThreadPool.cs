namespace SerAdapt.Engine;

/// <summary>
/// Dedicated GEMM worker threads (created on first use, then parked): the caller and threads - 1
/// workers take the chunks of a job from a shared counter. No allocation per job. If another thread
/// is already using the pool, the caller runs all chunks itself, which gives the same result.
/// </summary>
internal static class GemmThreadPool
{
    private static readonly object _gate = new();
    private static readonly ManualResetEventSlim _done = new(false, 2000);
    private static Worker[] _workers = [];
    private static GemmJob _job;
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
        try
        {
            EnsureWorkers(threads - 1);
            _job = job;
            _chunks = chunks;
            _next = 0;
            _error = null;
            _pending = threads - 1;
            _done.Reset();
            for (int w = 0; w < threads - 1; w++)
                _workers[w].Start.Set();
            try
            {
                _job.RunChunks(ref _next, _chunks);
            }
            finally
            {
                _done.Wait();
            }
            if (_error is not null)
                throw new InvalidOperationException("A GEMM worker thread failed.", _error);
        }
        finally
        {
            _job = default;
            Monitor.Exit(_gate);
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
                    _job.RunChunks(ref _next, _chunks);
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
