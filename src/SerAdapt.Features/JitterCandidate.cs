namespace SerAdapt.Features;

/// <summary>One candidate period of <see cref="PitchJitter"/>: Lag 0 = no eligible lag (the chain moved
/// on by the rounded expected period); H the interpolated peak correlation, Threshold what it was compared with.</summary>
internal readonly record struct JitterCandidate(long Start, int Lag, double H, float Threshold, bool Accepted, float Period, float Amp1, float Amp2);
