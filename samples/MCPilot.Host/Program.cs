using MCPilot.Host.Cli;

return await HostCommandLine.RunAsync(args, Console.Out, Console.Error);
