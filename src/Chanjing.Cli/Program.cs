using Chanjing.Cli;

return await CliApplication.RunAsync(args).ConfigureAwait(false);
