using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace SerAdapt.Engine;

/// <summary>
/// Dedicated worker threads (created on first use, then parked) for GEMM calls, optimiser steps
/// and element-wise layers: the caller and up to threads - 1 workers claim the chunks of one job
/// from a shared counter. No allocation per job. If another thread is already using the pool, the
/// caller runs all chunks itself, which gives the same result.
/// <para>
/// The caller waits only for chunks that have been claimed, never for a worker to wake up: when
/// the OS has not scheduled a worker (the other core is busy), the caller takes every chunk and
/// returns at once. The counter, the chunk count and a job generation share one 64-bit word, so a
/// worker that wakes late can only claim a chunk of the job that is running.
/// </para>
/// </summary>
internal static class WorkerPool
{
    private const int FieldBits = 20;
    private const long FieldMask = (1L << FieldBits) - 1;

    /// <summary>Most chunks one job can have.</summary>
    public const int MaxChunks = (int)FieldMask;

    /// <summary>How long the caller spins for chunks still running on workers before it blocks.</summary>
    private const long SpinMicroseconds = 50;

    /// <summary>The thread count a caller asked for, 0 meaning all cores.</summary>
    public static int ThreadsFor(int requested)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requested);
        return requested > 0 ? requested : Environment.ProcessorCount;
    }

    private static readonly GemmWork _gemm = new();
    private static readonly ManualResetEventSlim _done = new(false, 1);
    private static int _busy;
    private static Worker[] _workers = [];
    private static IParallelWork? _work;
    private static long _state; // generation << 40 | chunks << 20 | next unclaimed chunk
    private static long _generation;
    private static int _completed;
    private static ExceptionDispatchInfo? _error;

    public static void Run(in GemmJob job, int threads, int chunks)
    {
        if (threads <= 1 || chunks <= 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int chunk = 0; chunk < chunks; chunk++)
                job.RunChunk(chunk, chunks);
            return;
        }
        _gemm.Job = job;
        _gemm.Chunks = chunks;
        RunClaimed(_gemm, threads, chunks);
    }

    /// <summary>Runs chunks 0 .. chunks - 1 of <paramref name="work"/> on up to <paramref name="threads"/> threads.</summary>
    public static void Run(IParallelWork work, int threads, int chunks)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunks, MaxChunks);
        if (threads <= 1 || chunks <= 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            RunHere(work, chunks);
            return;
        }
        RunClaimed(work, threads, chunks);
    }

    // On the caller's thread alone, with the pool's contract: a chunk that throws does not stop the
    // others; the first exception is rethrown once every chunk has run.
    private static void RunHere(IParallelWork work, int chunks)
    {
        ExceptionDispatchInfo? error = null;
        for (int chunk = 0; chunk < chunks; chunk++)
        {
            try
            {
                work.RunChunk(chunk);
            }
            catch (Exception ex)
            {
                error ??= ExceptionDispatchInfo.Capture(ex);
            }
        }
        error?.Throw();
    }

    // Called after claiming _busy; releases it.
    private static void RunClaimed(IParallelWork work, int threads, int chunks)
    {
        try
        {
            EnsureWorkers(threads - 1);
            _work = work;
            _error = null;
            _completed = 0;
            _done.Reset();
            _generation = (_generation + 1) & ((1L << (64 - 2 * FieldBits - 1)) - 1);
            Volatile.Write(ref _state, (_generation << (2 * FieldBits)) | ((long)chunks << FieldBits));
            for (int w = 0; w < Math.Min(threads, chunks) - 1; w++)
                _workers[w].Start.Set();
            RunAvailable();
            WaitForClaimedChunks(chunks);
            _error?.Throw();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    // The caller spins briefly, then blocks: a worker that the OS preempted in the middle of a chunk
    // (the other core is busy) can then be moved to the caller's idle core at once, instead of
    // waiting for its time slice on the busy one while the caller spins.
    private static void WaitForClaimedChunks(int chunks)
    {
        long deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 1_000_000 * SpinMicroseconds;
        while (Volatile.Read(ref _completed) < chunks)
        {
            if (Stopwatch.GetTimestamp() < deadline)
            {
                Thread.SpinWait(16);
                continue;
            }
            _done.Wait();
            // A set left over from the previous job (its last chunk finished after its caller saw
            // the count) wakes this wait early: clear it and look at the count again.
            if (Volatile.Read(ref _completed) < chunks)
                _done.Reset();
        }
    }

    // Claims and runs chunks of the current job until none is left unclaimed.
    private static void RunAvailable()
    {
        while (true)
        {
            long state = Volatile.Read(ref _state);
            int next = (int)(state & FieldMask);
            if (next >= (int)((state >> FieldBits) & FieldMask))
                return;
            // While chunk `next` of this generation is unclaimed the job cannot finish, so _work is
            // still its work; if the job changed meanwhile, the state changed and the claim fails.
            var work = Volatile.Read(ref _work)!;
            if (Interlocked.CompareExchange(ref _state, state + 1, state) != state)
                continue;
            try
            {
                work.RunChunk(next);
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(ex), null);
            }
            if (Interlocked.Increment(ref _completed) == (int)((state >> FieldBits) & FieldMask))
                _done.Set();
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

    private sealed class GemmWork : IParallelWork
    {
        public GemmJob Job;
        public int Chunks;

        public void RunChunk(int chunk) => Job.RunChunk(chunk, Chunks);
    }

    private sealed class Worker
    {
        public readonly ManualResetEventSlim Start = new(false, 2000);

        public Worker(int index)
        {
            new Thread(Loop) { IsBackground = true, Name = $"SerAdapt worker {index + 1}" }.Start();
        }

        private void Loop()
        {
            while (true)
            {
                Start.Wait();
                Start.Reset();
                RunAvailable();
            }
        }
    }
}
