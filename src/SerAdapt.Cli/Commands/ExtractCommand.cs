using System.CommandLine;
using System.Globalization;
using SerAdapt.Features;
using Spectre.Console;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt extract AUDIO_FILES_OR_DIRS... -o OUT [--variant is10|is10-compat] [--format arff|csv]
/// [--lld DIR] [--threads N]</c>: IS10 functionals of WAV files (folders recursively), in parallel,
/// into one openSMILE-compatible ARFF or CSV file.
/// </summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("AUDIO_FILES_OR_DIRS")
        {
            Description = "WAV files, or folders searched recursively for *.wav.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Feature file to write (one row per audio file).",
            Required = true,
        };
        var variant = new Option<string>("--variant")
        {
            Description = "is10 = IS10_paraling.conf, is10-compat = IS10_paraling_compat.conf (2010 challenge baseline).",
            DefaultValueFactory = _ => "is10",
        };
        variant.AcceptOnlyFromAmong("is10", "is10-compat");
        var format = new Option<string>("--format")
        {
            Description = "Output format, with openSMILE's attribute names.",
            DefaultValueFactory = _ => "arff",
        };
        format.AcceptOnlyFromAmong("arff", "csv");
        var lld = new Option<string?>("--lld")
        {
            Description = "Also write each file's frame-level LLDs as openSMILE LLD csv into this folder.",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Files processed in parallel (default: all cores).",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("extract", "Extract IS10-paraling features (1582 functionals, as openSMILE) from WAV files.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(variant);
        command.Options.Add(format);
        command.Options.Add(lld);
        command.Options.Add(threads);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(inputs)!, parse.GetValue(output)!,
            parse.GetValue(variant) == "is10-compat" ? Is10Variant.Is10Compat : Is10Variant.Is10,
            parse.GetValue(format)!, parse.GetValue(lld), parse.GetValue(threads),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken)));
        return command;
    }

    private static int Run(string[] inputs, string output, Is10Variant variant, string format, string? lldDirectory,
        int threads, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var files = Is10BatchExtractor.FindAudioFiles(inputs);
        if (files.Count == 0) throw new FileNotFoundException($"no *.wav files found in {string.Join(", ", inputs)}");
        var options = new Is10BatchOptions(variant, threads, lldDirectory);

        Is10BatchResult result;
        if (Console.IsOutputRedirected || !ReferenceEquals(stdout, Console.Out))
        {
            result = Is10BatchExtractor.Run(files, options, null, cancellationToken);
        }
        else
        {
            result = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"Extracting {files.Count} files", maxValue: files.Count);
                    result = Is10BatchExtractor.Run(files, options, _ => { lock (task) task.Increment(1); }, cancellationToken);
                });
        }

        if (result.Rows.Count > 0)
        {
            var names = Is10FeatureNames.Functionals(variant);
            if (format == "csv") OpenSmileCsvWriter.Write(output, names, result.Rows);
            else OpenSmileArffWriter.Write(output, names, result.Rows);
        }

        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Format(inv,
            "{0} files ({1} ok, {2} failed), {3:0.0} s of audio in {4:0.0} s = {5:0.0}x real time{6}",
            result.Files, result.Rows.Count, result.Failures.Count, result.AudioSeconds, result.Elapsed.TotalSeconds,
            result.RealTimeFactor, result.Rows.Count > 0 ? $"; wrote {output}" : "; nothing written"));
        if (result.ResampledFiles > 0)
            stdout.WriteLine($"note: {result.ResampledFiles} files were resampled to 16 kHz; openSMILE parity is defined for 16 kHz input only.");
        if (result.Failures.Count == 0) return 0;
        stderr.WriteLine($"{result.Failures.Count} files failed:");
        foreach (var failure in result.Failures) stderr.WriteLine($"  {failure.Message}");
        return 1;
    }
}
