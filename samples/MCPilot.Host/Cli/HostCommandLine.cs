using System.CommandLine;
using MCPilot.Host.Server;

namespace MCPilot.Host.Cli;

/// <summary>
/// The executable's command line: without a command it runs the host; with one (<c>entities</c>,
/// <c>keys</c>, <c>channels</c>, <c>db</c>, <c>status</c>) it manages the same database and exits.
/// </summary>
internal static class HostCommandLine
{
    /// <summary>The command names, for messages.</summary>
    public const string CommandNames = "entities, keys, channels, db, status";

    public static RootCommand Build()
    {
        var root = new RootCommand(
            "MCPilot host: one Discord bot token, many AI entities, each an MCP server at /mcp/{entityId}. " +
            "Without a command it starts the host (the playground when no Discord token is configured); settings may follow as --key=value. " +
            "With a command it manages the host's database and exits.")
        {
            EntityCommands.Build(),
            KeyCommands.Build(),
            ChannelCommands.Build(),
            DbCommands.Build(),
            StatusCommand.Build(),
        };
        root.Options.Add(CliOptions.DataDirectory);
        root.Options.Add(CliOptions.Settings);
        root.Options.Add(CliOptions.Json);
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var arguments = CliOptions.ConfigurationArguments(parse);
                arguments.AddRange(ServerArguments(parse.UnmatchedTokens));
                return await HostServer.RunAsync(arguments, parse.InvocationConfiguration.Output, error);
            }
            catch (CliException e)
            {
                await error.WriteLineAsync("error: " + e.Message);
                return CliAction.Failure;
            }
        });
        return root;
    }

    /// <summary>Runs the command line; returns the process's exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        Build().Parse(args).InvokeAsync(
            new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,

                // The host handles SIGINT/SIGTERM itself and stops gracefully.
                ProcessTerminationTimeout = null,
            },
            cancellationToken);

    /// <summary>
    /// The arguments the host passes to ASP.NET Core's configuration (<c>--key=value</c>,
    /// <c>--key value</c>, <c>key=value</c>). A bare word is a mistyped command, not a setting.
    /// </summary>
    public static IReadOnlyList<string> ServerArguments(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-') || token.StartsWith('/'))
            {
                if (!token.Contains('=', StringComparison.Ordinal) && i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-'))
                {
                    i++;
                }

                continue;
            }

            if (!token.Contains('=', StringComparison.Ordinal))
            {
                throw new CliException($"'{token}' is not a command. The commands are {CommandNames} (see --help); without one the host starts, with settings given as --key=value.");
            }
        }

        return tokens;
    }
}
