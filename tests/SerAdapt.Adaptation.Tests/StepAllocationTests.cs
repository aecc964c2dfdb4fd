namespace SerAdapt.Adaptation.Tests;

public class StepAllocationTests
{
    /// <summary>Bytes allocated on the training thread between consecutive steps of one epoch.</summary>
    private sealed class AllocationProbe : IProgress<TrainingProgress>
    {
        private long _last;
        public long MaxBetweenSteps { get; private set; }
        public int Pairs { get; private set; }

        public void Report(TrainingProgress value)
        {
            long now = GC.GetAllocatedBytesForCurrentThread();
            // From the third step of the last epoch on: buffers are sized and code is compiled by then.
            if (value.Epoch == value.Epochs && value.Step >= 3)
            {
                MaxBetweenSteps = Math.Max(MaxBetweenSteps, now - _last);
                Pairs++;
            }
            _last = GC.GetAllocatedBytesForCurrentThread();
        }
    }

    [Theory]
    [MemberData(nameof(MethodsEndToEndTests.Methods), MemberType = typeof(MethodsEndToEndTests))]
    public void Fit_SteadyStateStep_AllocatesNothing(string name)
    {
        // Sizes divisible by the batch (also per target group), so that every step has the same shapes.
        var (source, target) = SyntheticPair.Create(sourceRows: 384, targetRows: 288, groups: 3);
        var probe = new AllocationProbe();

        MethodsEndToEndTests.Small(name).Fit(source, target, SyntheticPair.SmallOptions(6) with { BatchSize = 32, Threads = 1, Selection = ModelSelection.FixedEpochs }, probe);

        Assert.True(probe.Pairs > 3, $"{name}: only {probe.Pairs} steps measured");
        Assert.Equal(0, probe.MaxBetweenSteps);
    }
}
