namespace SerAdapt.Engine.Tests;

public class WorkerPoolTests
{
    private sealed class CountingWork(int chunks, int failAt = -1) : IParallelWork
    {
        public readonly int[] Runs = new int[chunks];

        public void RunChunk(int chunk)
        {
            Interlocked.Increment(ref Runs[chunk]);
            if (chunk == failAt)
                throw new InvalidDataException($"chunk {chunk}");
        }
    }

    [Fact]
    public void Run_ManyJobsOnSeveralThreads_RunsEveryChunkExactlyOnce()
    {
        for (int job = 0; job < 500; job++)
        {
            int chunks = 1 + job % 37;
            var work = new CountingWork(chunks);
            WorkerPool.Run(work, 1 + job % 3, chunks);
            Assert.All(work.Runs, r => Assert.Equal(1, r));
        }
    }

    [Fact]
    public void Run_ChunkThrows_RethrowsItAfterTheOtherChunks()
    {
        var work = new CountingWork(64, failAt: 40);
        var ex = Assert.Throws<InvalidDataException>(() => WorkerPool.Run(work, 2, 64));
        Assert.Equal("chunk 40", ex.Message);
        Assert.All(work.Runs, r => Assert.Equal(1, r));
        var next = new CountingWork(8);
        WorkerPool.Run(next, 2, 8);
        Assert.All(next.Runs, r => Assert.Equal(1, r));
    }

    // One thread (or a pool busy with another caller's job) runs the chunks on the caller: the same
    // contract holds there. This path made the test above fail when another test held the pool.
    [Fact]
    public void Run_OnTheCallerAlone_ChunkThrows_RethrowsItAfterTheOtherChunks()
    {
        var work = new CountingWork(64, failAt: 40);
        var ex = Assert.Throws<InvalidDataException>(() => WorkerPool.Run(work, 1, 64));
        Assert.Equal("chunk 40", ex.Message);
        Assert.All(work.Runs, r => Assert.Equal(1, r));
    }
}
