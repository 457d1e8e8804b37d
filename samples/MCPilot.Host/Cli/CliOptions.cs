using System.CommandLine;

namespace MCPilot.Host.Cli;

/// <summary>The options every command (and the host itself) accepts.</summary>
internal static class CliOptions
{
    /// <summary><c>--data-dir</c>: the host's data directory (<c>Host:DataDirectory</c>).</summary>
    public static Option<string> DataDirectory { get; } = new("--data-dir")
    {
        Description = "The data directory (Host:DataDirectory; default ./data): the SQLite database, the playground's secret, host.json.",
        Recursive = true,
        HelpName = "path",
    };

    /// <summary><c>--set key=value</c>: any configuration setting, as in appsettings.json.</summary>
    public static Option<string[]> Settings { get; } = new("--set")
    {
        Description = "Set a configuration value, e.g. --set MCPilot:Storage:Provider=PostgreSql (repeatable).",
        Recursive = true,
        HelpName = "key=value",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--json</c>: output for scripts.</summary>
    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON to standard output (for scripts) instead of text.",
        Recursive = true,
    };

    /// <summary>The configuration arguments (<c>--key=value</c>) that the global options stand for.</summary>
    public static List<string> ConfigurationArguments(ParseResult parse)
    {
        var arguments = new List<string>();
        if (parse.GetValue(DataDirectory) is { } dataDirectory)
        {
            arguments.Add($"--{HostAppOptions.DataDirectoryKey}={dataDirectory}");
        }

        foreach (var setting in parse.GetValue(Settings) ?? [])
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException($"--set '{setting}' is not key=value: write e.g. --set MCPilot:Storage:Provider=PostgreSql.");
            }

            arguments.Add("--" + setting);
        }

        return arguments;
    }
}
