using MCPilot.Discord.Gateway;
using MCPilot.Entities;
using MCPilot.Host.Composition;
using MCPilot.Host.Server;
using MCPilot.Storage;

namespace MCPilot.Host.Playground;

/// <summary>
/// Prepares the playground when the host starts, after the database is migrated and before the
/// entities are loaded: moves the entities of the previous playground world into the new one
/// (FakeDiscord's ids change at every start; channels are matched by name), creates the demo entity
/// (or reuses it; or, when it was deleted, adopts an entity of its name in the playground server), makes sure its stored key still works (or issues one), and once the host
/// listens, the Gateway is connected to FakeDiscord (so that what a client does next is heard) and the
/// bot's slash commands are registered, prints the entity's MCP URL, key and ready-to-paste client configurations.
/// </summary>
internal sealed partial class PlaygroundSetup(
    PlaygroundDiscord discord,
    HostSettings settings,
    EntityRegistry registry,
    EntityKeys keys,
    IEntityStore entities,
    HostRuntime runtime,
    EntityUrls urls,
    HostConsole console,
    DiscordGatewayClient gateway,
    PlaygroundCommandRunner commands,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<PlaygroundSetup> logger) : IHostedLifecycleService
{
    /// <summary>The demo entity's name when the playground creates it.</summary>
    public const string DemoEntityName = "Ada";

    /// <summary>The label of the demo entity's key.</summary>
    public const string KeyLabel = "playground";

    /// <summary>How long the banner waits for the bot's slash commands to be registered before it is printed anyway.</summary>
    public static readonly TimeSpan CommandRegistrationWait = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource<PlaygroundDemo> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The demo, once prepared.</summary>
    public PlaygroundDemo? Demo => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result : null;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var previous = PlaygroundFile.TryRead(settings.DataDirectory);
        var guildId = discord.Demo.Guild.Id;
        var channels = discord.ChannelsByName;
        if (previous is not null && previous.GuildId != guildId)
        {
            await MoveEntitiesAsync(previous, guildId, channels, cancellationToken);
        }

        var entity = previous is null ? null : await registry.GetAsync(new EntityId(previous.DemoEntityId), cancellationToken);
        entity ??= await AdoptDemoEntityAsync(guildId, cancellationToken) ?? await CreateDemoEntityAsync(guildId, cancellationToken);
        var key = previous is not null && previous.DemoEntityId == entity.Id.Value && await keys.AuthenticateAsync(previous.DemoKey, entity.Id, cancellationToken) is not null
            ? previous.DemoKey
            : (await keys.CreateAsync(entity.Id, KeyLabel, cancellationToken: cancellationToken)).Key;
        new PlaygroundFile(entity.Id.Value, key, guildId, channels).Write(settings.DataDirectory);
        _ready.TrySetResult(new PlaygroundDemo(entity, key));
        _ = PrintWhenListeningAsync();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The demo entity is gone (deleted with the CLI, say) but the playground's server has an entity
    /// of its name (made with <c>entities create Ada --guild …</c>): that one becomes the demo entity,
    /// and gets a playground key of its own (issued below, printed as usual).
    /// </summary>
    private async Task<Entity?> AdoptDemoEntityAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var existing = (await entities.ListByGuildAsync(guildId, cancellationToken)).FirstOrDefault(e => StoreKeys.Name(e.Name) == StoreKeys.Name(DemoEntityName));
        if (existing is not null)
        {
            LogAdopted(logger, existing.Name, existing.Id.ToString());
        }

        return existing;
    }

    private async Task<Entity> CreateDemoEntityAsync(ulong guildId, CancellationToken cancellationToken) =>
        await registry.CreateAsync(new Entity
        {
            Id = default,
            Name = DemoEntityName,
            Description = "The playground's demo entity: connect an MCP client to it and talk in the playground's channels.",
            Persona = "You are Ada, a friendly AI member of the MCPilot Playground server. Keep messages short, and greet people who talk to you.",
            Guilds = [new EntityGuildMembership(guildId, ChannelPolicy.AllowAll)],
        }, cancellationToken);

    /// <summary>Entities of the previous world's server move to the new one; channel ids in their policies follow the channels' names.</summary>
    private async Task MoveEntitiesAsync(PlaygroundFile previous, ulong guildId, IReadOnlyDictionary<string, ulong> channels, CancellationToken cancellationToken)
    {
        var names = previous.Channels.ToDictionary(c => c.Value, c => c.Key);
        ulong? Map(ulong oldId) => names.TryGetValue(oldId, out var name) && channels.TryGetValue(name, out var newId) ? newId : null;
        IReadOnlySet<ulong> MapAll(IReadOnlySet<ulong> ids) => ids.Select(Map).OfType<ulong>().ToHashSet();

        foreach (var entity in await entities.ListByGuildAsync(previous.GuildId, cancellationToken))
        {
            await registry.UpdateAsync(entity.Id, current => current with
            {
                Guilds = [.. current.Guilds
                    .Where(m => m.GuildId != guildId)
                    .Select(m => m.GuildId != previous.GuildId ? m : new EntityGuildMembership(guildId, new ChannelPolicy { Allow = MapAll(m.Policy.Allow), Deny = MapAll(m.Policy.Deny) }))],
            }, cancellationToken);
        }
    }

    private async Task PrintWhenListeningAsync()
    {
        try
        {
            await runtime.Started;
            await gateway.WaitUntilReadyAsync(lifetime.ApplicationStopping);
            try
            {
                // The banner says "ready": /talk and the other commands must work by then.
                await commands.WaitBotCommandsRegisteredAsync(lifetime.ApplicationStopping).WaitAsync(CommandRegistrationWait, time, lifetime.ApplicationStopping);
            }
            catch (TimeoutException)
            {
                LogCommandsNotRegistered(logger, CommandRegistrationWait);
            }

            var demo = _ready.Task.Result;
            var inspectorConfig = WriteInspectorConfig(demo);
            await console.Out.WriteAsync(PlaygroundBanner.Render(runtime.LocalUrl!, demo, urls, discord, inspectorConfig));
            await console.Out.FlushAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or GatewayFatalException or InvalidOperationException or OperationCanceledException)
        {
            LogBannerFailed(logger, e);
        }
    }

    /// <summary>Writes the MCP Inspector's configuration file for the demo entity; returns its path, or null (logged) when it cannot be written.</summary>
    private string? WriteInspectorConfig(PlaygroundDemo demo)
    {
        try
        {
            return InspectorConfigFile.Write(settings.DataDirectory, InspectorConfigFile.Content(PlaygroundBanner.ServerName(demo.Entity.Name), urls.McpUrl(demo.Entity.Id), demo.Key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogInspectorConfigFailed(logger, Path.Combine(settings.DataDirectory, InspectorConfigFile.FileName), e.Message);
            return null;
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not print the playground's connection details.")]
    private static partial void LogBannerFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "The playground's demo entity was deleted; entity {Name} ({EntityId}) in the playground server is the demo entity now, with a new playground key.")]
    private static partial void LogAdopted(ILogger logger, string name, string entityId);

    [LoggerMessage(4, LogLevel.Warning, "The bot's slash commands are still not registered in the playground's FakeDiscord after {Wait}: see the log above; the playground is not ready until they are.")]
    private static partial void LogCommandsNotRegistered(ILogger logger, TimeSpan wait);

    [LoggerMessage(3, LogLevel.Warning, "Could not write the MCP Inspector's configuration {Path} ({Error}); the banner shows its command line instead.")]
    private static partial void LogInspectorConfigFailed(ILogger logger, string path, string error);
}
