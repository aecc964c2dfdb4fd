namespace SerAdapt.Engine;

/// <summary>
/// Dedicated GEMM worker threads (created on first use, then parked): the caller runs part 0 of a
/// job and worker w runs part w + 1. No allocation per job. If another thread is already using the
/// pool, the caller runs all parts itself, which gives the same result.
/// </summary>
internal static class GemmThreadPool
{
    private static readonly object _gate = new();
    private static readonly ManualResetEventSlim _done = new(false, 2000);
    private static Worker[] _workers = [];
    private static GemmJob _job;
    private static int _parts;
    private static int _pending;
    private static Exception? _error;

    public static void Run(in GemmJob job, int parts)
    {
        if (parts <= 1 || !Monitor.TryEnter(_gate))
        {
            for (int part = 0; part < parts; part++)
                job.RunPart(part, parts);
            return;
        }
        try
        {
            EnsureWorkers(parts - 1);
            _job = job;
            _parts = parts;
            _error = null;
            _pending = parts - 1;
            _done.Reset();
            for (int w = 0; w < parts - 1; w++)
                _workers[w].Start.Set();
            try
            {
                _job.RunPart(0, parts);
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
        private readonly int _index;

        public Worker(int index)
        {
            _index = index;
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
                    _job.RunPart(_index + 1, _parts);
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
