using System.CommandLine;
using SerAdapt.Data;

namespace SerAdapt.Cli;

/// <summary>The options that name the columns of a generic CSV (--id, --label, --speaker, --session, ...), for any command that reads one.</summary>
public sealed class GenericCsvColumnOptions
{
    public Option<string?> Id { get; } = new("--id") { Description = "Column with the utterance id (default: the first column)." };
    public Option<string?> Label { get; } = new("--label") { Description = "Column with the valence label." };
    public Option<string?> Arousal { get; } = new("--arousal") { Description = "Column with the arousal label." };
    public Option<string?> Dominance { get; } = new("--dominance") { Description = "Column with the dominance label." };
    public Option<string?> Speaker { get; } = new("--speaker") { Description = "Column with the speaker." };
    public Option<string?> Session { get; } = new("--session") { Description = "Column with the session." };
    public Option<string?> Gender { get; } = new("--gender") { Description = "Column with the gender." };
    public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "Field delimiter (default: detected among , ; tab |); 'tab' for a tab." };
    public Option<string> Scale { get; } = new("--label-range") { Description = "Scale of the labels MIN,MAX (values outside fail; recorded in the corpus file).", DefaultValueFactory = _ => "1,5" };
    public Option<string?> Features { get; } = FeaturesOption();

    /// <summary>--features for a generic CSV (also used on its own by train).</summary>
    public static Option<string?> FeaturesOption() => new("--features")
    {
        Description = "Generic CSV feature columns: comma-separated names, globs ('pcm_*') or ranges FIRST..LAST. Default: every numeric column "
            + "except the id, label and group columns and columns named like a label (valence, arousal, ..., EmoVal) or a group (speaker, session, ...).",
    };

    public void AddTo(Command command)
    {
        foreach (Option o in (Option[])[Id, Label, Arousal, Dominance, Speaker, Session, Gender, Delimiter, Scale, Features])
            command.Options.Add(o);
    }

    public GenericCsvOptions Read(ParseResult parse)
    {
        char? delimiter = parse.GetValue(Delimiter) switch
        {
            null => null,
            "tab" or "\\t" => '\t',
            { Length: 1 } d => d[0],
            var d => throw new ArgumentException($"--delimiter must be one character or 'tab', not '{d}'."),
        };
        return new GenericCsvOptions(parse.GetValue(Id), parse.GetValue(Label), parse.GetValue(Arousal), parse.GetValue(Dominance),
            parse.GetValue(Speaker), parse.GetValue(Session), parse.GetValue(Gender), delimiter,
            Data.LabelScale.Parse(parse.GetRequiredValue(Scale)), parse.GetValue(Features));
    }
}
