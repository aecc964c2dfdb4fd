using System.CommandLine;

namespace SerAdapt.Cli;

/// <summary>Input-path arguments refuse a token that looks like an option: a misspelled flag (--normalize) is not a file name.</summary>
internal static class OptionLikeInputs
{
    public static void RefuseIn(Argument<string[]> inputs, Command command) =>
        inputs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
            {
                var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().Order();
                result.AddError($"unknown option '{token.Value}'; the options of {command.Name} are {string.Join(", ", known)}.");
            }
        });
}
