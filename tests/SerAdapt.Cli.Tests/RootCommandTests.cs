using System.CommandLine;
using SerAdapt.Cli;

namespace SerAdapt.Cli.Tests;

public class RootCommandTests
{
    [Fact]
    public void Run_FailingAction_PrintsOneLineAndReturnsOne()
    {
        var root = new RootCommand("test");
        root.Options.Add(CliApp.Verbose);
        root.SetAction((Func<ParseResult, int>)(_ => throw new InvalidDataException("bad file x.arff, line 3")));
        var err = new StringWriter();
        int code = CliApp.Run(root, [], new StringWriter(), err);
        Assert.Equal(1, code);
        Assert.Equal("seradapt: error: bad file x.arff, line 3", err.ToString().Trim());
    }

    [Fact]
    public void Run_FailingActionWithVerbose_PrintsStackTrace()
    {
        var root = new RootCommand("test");
        root.Options.Add(CliApp.Verbose);
        root.SetAction((Func<ParseResult, int>)(_ => throw new InvalidDataException("boom")));
        var err = new StringWriter();
        CliApp.Run(root, ["--verbose"], new StringWriter(), err);
        Assert.Contains("InvalidDataException", err.ToString());
    }
}
