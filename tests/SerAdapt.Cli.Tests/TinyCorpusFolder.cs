using SerAdapt.Data;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// A temporary folder with two tiny synthetic corpora (16 features, the generator's least: 100 source and
/// 130 target rows), a config file and a report folder for the reference run the fixture makes.
/// </summary>
public abstract class TinyCorpusFolder : IDisposable
{
    protected TinyCorpusFolder(string configText)
    {
        Directory.CreateDirectory(Dir);
        var pair = SyntheticBenchmark.Generate(new SyntheticBenchmarkOptions(Seed: 5, SourceSize: 100, TargetSize: 130, Dimension: 16));
        CorpusFile.Write(pair.Source, A);
        CorpusFile.Write(pair.Target, B);
        File.WriteAllText(Config, configText);
    }

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "seradapt-expcli-" + Guid.NewGuid().ToString("N"));
    public string A => Path.Combine(Dir, "corpus-a.parquet");
    public string B => Path.Combine(Dir, "corpus-b.parquet");
    public string Config => Path.Combine(Dir, "tiny.yaml");
    public string Reference => Path.Combine(Dir, "reference");

    /// <summary>The fixture's reference run into <see cref="Reference"/>.</summary>
    public (int Code, string Out, string Err) Baseline { get; protected init; }

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }
}
