using MCPilot.Host.Cli;

return await HostCommandLine.RunAsync(args, Console.Out, Console.Error);

/// <summary>The host's entry point; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
