using System.CommandLine;
using SerAdapt.Data;

namespace SerAdapt.Cli;

/// <summary>--id, --session and --features: the generic CSV columns that train, experiment and tsne read alike.</summary>
internal sealed class CorpusCsvOptions
{
    public Option<string?> Id { get; } = new("--id") { Description = "Generic CSV: the id column (default: the first column)." };
    public Option<string?> Session { get; } = new("--session") { Description = "Generic CSV: the session column (groups for train-on-target and the t-SNE panels)." };
    public Option<string?> Features { get; } = GenericCsvColumnOptions.FeaturesOption();

    public void AddTo(Command command)
    {
        command.Options.Add(Id);
        command.Options.Add(Session);
        command.Options.Add(Features);
    }

    public GenericCsvOptions Read(ParseResult parse) =>
        new(IdColumn: parse.GetValue(Id), SessionColumn: parse.GetValue(Session), FeatureColumns: parse.GetValue(Features));
}
