using MCPilot.Discord.Gateway;
using MCPilot.Host.Cli;
using MCPilot.Host.Composition;
using MCPilot.Host.Discord;
using MCPilot.Host.Playground;
using MCPilot.Host.Playground.Api;
using MCPilot.Host.Status;
using Microsoft.Extensions.Options;

namespace MCPilot.Host.Server;

/// <summary>
/// The web host: the shared composition, plus listeners, admin endpoints, the Discord side (Gateway,
/// slash commands, provenance), and either the playground (FakeDiscord in-process, a demo entity,
/// the page at <c>/</c>) or real Discord.
/// </summary>
internal static class HostServer
{
    /// <summary>Builds and runs the host until it is stopped; returns the exit code (1 when it did not start, with the reason on <paramref name="error"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        BuiltHost host;
        try
        {
            host = await BuildAsync(args, output);
        }
        catch (Exception e) when (CliAction.Describe(e) is { } message)
        {
            await error.WriteLineAsync("The host did not start: " + message);
            return CliAction.Failure;
        }

        await using (host)
        {
            DiscordGatewayClient? gatewayClient = null;
            try
            {
                // RunAsync disposes the services: take the Gateway client first, to ask it why the host stopped.
                gatewayClient = host.App.Services.GetService<DiscordGatewayClient>();
                await host.App.RunAsync();
            }
            catch (OperationCanceledException) when (gatewayClient?.Completion.IsFaulted == true)
            {
                // The Gateway stopped the host while it was still starting (a fast 4014, say): the
                // listeners' start was cancelled. Reported below, like a stop after the start.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await error.WriteLineAsync("The host did not start: " + (CliAction.Describe(e) ?? e.Message));
                return CliAction.Failure;
            }

            if (gatewayClient?.Completion is { IsFaulted: true } gateway)
            {
                // The Gateway stopped the host (its log says so too): say why where the operator looks.
                await error.WriteLineAsync("The host stopped: " + gateway.Exception!.InnerException!.Message);
                return CliAction.Failure;
            }

            return CliAction.Success;
        }
    }

    /// <summary>Builds the host (not started); in playground mode FakeDiscord is already running.</summary>
    public static async Task<BuiltHost> BuildAsync(IReadOnlyList<string> args, TextWriter output)
    {
        var contentRootGiven = args.Any(a => a.TrimStart('-', '/').StartsWith(WebHostDefaults.ContentRootKey, StringComparison.OrdinalIgnoreCase));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args],

            // appsettings.json sits next to the executable, wherever it is started from.
            ContentRootPath = contentRootGiven ? null : AppContext.BaseDirectory,
        });
        MuteEfFailureLogs(builder.Services);
        var settings = builder.AddMCPilotHost();
        HostListeners.Read(builder.Configuration);
        HostListeners.AllowPublicHost(builder.Configuration);
        if (!HasListenerSettings(builder.Configuration))
        {
            builder.WebHost.UseUrls(HostListeners.DefaultUrl);
        }

        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, HostJson.Default));
        services.AddSingleton(new HostConsole(output));
        services.AddSingleton<HostRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<HostRuntime>());
        services.AddHostStatusSource<HostProcessStatusSource>();

        PlaygroundDiscord? playground = null;
        if (settings.Mode == HostMode.Playground)
        {
            playground = await PlaygroundDiscord.StartAsync();
            builder.AddPlayground(playground);
        }
        else
        {
            services.AddMCPilot().AddDiscordRest();
        }

        services.AddHostDiscord();

        WebApplication? app = null;
        try
        {
            app = builder.Build();

            // Every setting first, all failures at once (else the first service to read a bad one stops the host, naming only it).
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            if (settings.GeneratedSecretPath is { } secret)
            {
                HostLog.GeneratedPlaygroundSecret(app.Logger, secret);
            }

            app.MapMCPilot();
            app.MapHostAdmin();
            if (playground is not null)
            {
                app.MapPlayground();
            }
            else
            {
                app.MapGet("/", () => Results.Text("MCPilot host is running. Entities: /mcp/{entityId}. Health: /healthz, readiness: /readyz.\n"));
            }

            return new BuiltHost(app, playground);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (playground is not null)
            {
                await playground.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// EF Core logs a failed command or save (a name taken, a stale version) as an error with its
    /// stack, before MCPilot turns it into a clear error of its own, which the caller reports or
    /// logs. Those categories are off unless configuration names them (its rules come later and win).
    /// </summary>
    private static void MuteEfFailureLogs(IServiceCollection services) =>
        services.Configure<LoggerFilterOptions>(o =>
        {
            foreach (var category in (string[])["Microsoft.EntityFrameworkCore.Database.Command", "Microsoft.EntityFrameworkCore.Update", "Microsoft.EntityFrameworkCore.Query"])
            {
                o.Rules.Insert(0, new LoggerFilterRule(null, category, LogLevel.None, null));
            }
        });

    private static bool HasListenerSettings(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[HostListeners.UrlsKey])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
