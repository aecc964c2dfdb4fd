using SerAdapt.Cli;
using Spectre.Console;

RedirectedConsole.Configure(AnsiConsole.Console, Console.IsOutputRedirected);
return CliApp.Run(SeradaptCommand.Create(), args);
