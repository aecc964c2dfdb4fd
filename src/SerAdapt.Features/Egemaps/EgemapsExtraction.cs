namespace SerAdapt.Features.Egemaps;

/// <summary>The eGeMAPSv02 features of one audio file.</summary>
/// <param name="InstanceName">File name without extension (the instance name in ARFF/CSV).</param>
/// <param name="Functionals">The 88 functionals in openSMILE's order (<see cref="EgemapsFeatureNames.Functionals"/>).</param>
/// <param name="Levels">The per-frame levels (float32) from which <see cref="BuildLld"/> makes the LLD matrix.</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="OriginalSampleRate">Sample rate of the file (resampled to 16 kHz when different).</param>
public sealed record EgemapsExtraction(string InstanceName, float[] Functionals, EgemapsLevels Levels, double DurationSeconds, int OriginalSampleRate)
{
    /// <summary>The (n60 + 1) x 25 LLD matrix as openSMILE's -lldcsvoutput / -lldhtkoutput (made on each
    /// call, only when asked for: for a long file it is as large as the levels).</summary>
    public float[,] BuildLld() => EgemapsLld.Build(Levels);
}
