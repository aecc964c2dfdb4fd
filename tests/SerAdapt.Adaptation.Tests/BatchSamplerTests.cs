using SerAdapt.Engine;

namespace SerAdapt.Adaptation.Tests;

public class BatchSamplerTests
{
    private static Matrix Rows(int n)
    {
        var m = new Matrix(n, 1);
        for (int i = 0; i < n; i++) m[i, 0] = i;
        return m;
    }

    [Fact]
    public void Epoch_FinalBatchOfOneRow_IsDropped()
    {
        var sampler = new BatchSampler(Rows(65), new float[65], null, 64, new Rng(1), new Rng(2));
        Assert.Equal(1, sampler.StepsPerEpoch);
    }

    [Fact]
    public void Epoch_FinalBatchOfTwoRows_IsKeptAndEveryRowVisitedOnce()
    {
        var sampler = new BatchSampler(Rows(66), Enumerable.Range(0, 66).Select(i => (float)i).ToArray(), null, 64, new Rng(1), new Rng(2));
        Assert.Equal(2, sampler.StepsPerEpoch);
        sampler.StartEpoch();
        var seen = new List<float>();
        for (int s = 0; s < 2; s++)
        {
            var batch = sampler.Next(s);
            for (int i = 0; i < batch.SourceX.Rows; i++)
            {
                Assert.Equal(batch.SourceX[i, 0], batch.SourceY[i, 0]);
                seen.Add(batch.SourceX[i, 0]);
            }
        }
        Assert.Equal(Enumerable.Range(0, 66).Select(i => (float)i), seen.Order());
    }

    [Fact]
    public void ShortTarget_IsCycledInFullBatches()
    {
        var sampler = new BatchSampler(Rows(100), new float[100], Rows(30), 20, new Rng(1), new Rng(2));
        sampler.StartEpoch();
        var first = new List<float>();
        for (int s = 0; s < 5; s++)
        {
            var t = sampler.Next(s).TargetX!;
            Assert.Equal(20, t.Rows);
            Assert.Equal(20, t.Span.ToArray().Distinct().Count());
            if (s == 0) first.AddRange(t.Span.ToArray());
        }
        Assert.All(first, v => Assert.InRange(v, 0, 29));
    }

    [Fact]
    public void Shuffle_DependsOnSeedOnly()
    {
        static float[] FirstBatch(ulong seed)
        {
            var sampler = new BatchSampler(Rows(50), new float[50], null, 10, new Rng(seed), new Rng(0));
            sampler.StartEpoch();
            return sampler.Next(0).SourceX.Span.ToArray();
        }
        Assert.Equal(FirstBatch(3), FirstBatch(3));
        Assert.NotEqual(FirstBatch(3), FirstBatch(4));
    }
}
