namespace SerAdapt.Features.Egemaps;

/// <summary>The eGeMAPSv02 features of one audio file.</summary>
/// <param name="InstanceName">File name without extension (the instance name in ARFF/CSV).</param>
/// <param name="Functionals">The 88 functionals in openSMILE's order (<see cref="EgemapsFeatureNames.Functionals"/>).</param>
/// <param name="Lld">The (n60 + 1) x 25 LLD matrix as openSMILE's -lldcsvoutput / -lldhtkoutput.</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="OriginalSampleRate">Sample rate of the file (resampled to 16 kHz when different).</param>
public sealed record EgemapsExtraction(string InstanceName, float[] Functionals, float[,] Lld, double DurationSeconds, int OriginalSampleRate);
