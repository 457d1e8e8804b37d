using System.CommandLine;
using MCPilot.Host.Composition;
using MCPilot.Host.Status;
using MCPilot.Storage.EfCore;
using Microsoft.Extensions.Options;

namespace MCPilot.Host.Cli;

/// <summary>
/// One CLI command's view of the host: the host's service graph, built from the same configuration
/// (appsettings.json, environment, <c>--data-dir</c>, <c>--set</c>) but never started: no listener,
/// no Gateway, no background work. Settings are validated as the host validates them at start.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly IHost _host;

    private CliSession(IHost host, HostSettings settings, CliOutput output)
    {
        _host = host;
        Settings = settings;
        Output = output;
    }

    public HostSettings Settings { get; }

    public CliOutput Output { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Builds the service graph and validates every setting.</summary>
    public static CliSession Open(ParseResult parse, CliOutput output)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. CliOptions.ConfigurationArguments(parse)],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(CliSession).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // Commands print their own results; only warnings and errors are logged (to the error stream), whatever the configuration says.
        builder.Services.PostConfigure<LoggerFilterOptions>(o =>
        {
            o.Rules.Clear();
            o.MinLevel = LogLevel.Warning;

            // EF Core logs a failed command (a duplicate name, say) with its stack before MCPilot turns it into a clear error.
            o.Rules.Add(new LoggerFilterRule(null, "Microsoft.EntityFrameworkCore", LogLevel.None, null));
        });
        var settings = builder.AddMCPilotHost();
        var host = builder.Build();
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new CliSession(host, settings, output);
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>
    /// Brings the schema up to date as the host does at start (unless
    /// <c>MCPilot:Storage:ApplyMigrationsAtStart</c> is false), so that a command never meets an old schema.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        var database = Get<MCPilotDatabase>();
        var status = await database.GetStatusAsync(cancellationToken);
        if (status.IsNewerThanThisVersion)
        {
            throw new CliException(DatabaseStatusSource.NewerDatabaseProblem(status));
        }

        if (status.Pending.Count == 0)
        {
            return;
        }

        if (!Get<IOptions<StorageOptions>>().Value.ApplyMigrationsAtStart)
        {
            throw new CliException($"The database needs {status.Pending.Count} migration(s) ({string.Join(", ", status.Pending)}) and MCPilot:Storage:ApplyMigrationsAtStart is false: run `db migrate` first.");
        }

        await database.MigrateAsync(cancellationToken);
    }

    /// <summary>Tells the running host (if any) that an entity changed, so it applies the change now.</summary>
    public async Task NotifyEntityChangedAsync(EntityId id, CancellationToken cancellationToken)
    {
        using var host = RunningHostClient.Find(Settings.DataDirectory);
        if (host is not null && !await host.RefreshEntityAsync(id, cancellationToken) && !Output.Json)
        {
            await Output.Error.WriteLineAsync($"note: the host that published {Server.HostRuntimeFile.PathIn(Settings.DataDirectory)} did not answer at {host.Info.Url}; if it is still running, it applies this change when it restarts.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
