namespace SerAdapt.Engine;

/// <summary>
/// Work split into numbered chunks that may run on any thread and in any order. Each chunk writes
/// its own part of the output with the same operations whichever thread runs it, so the result
/// does not depend on the number of threads.
/// </summary>
internal interface IParallelWork
{
    void RunChunk(int chunk);
}
