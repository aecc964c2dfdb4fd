using SerAdapt.Cli;

return CliApp.Run(SeradaptCommand.Create(), args);
