namespace SerAdapt.Features;

public static class Is10LldExtractor
{
    public static Is10Lld Compute(ReadOnlySpan<float> samples, Is10Variant variant) =>
        throw new NotSupportedException("LLD pipeline pending merge");
}
