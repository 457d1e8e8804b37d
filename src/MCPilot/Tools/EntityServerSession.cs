using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// What one MCP session of an entity needs beyond its transport: the server options (identity,
/// tools, persona prompt, feed resources, filters), and the notifier that tells the client when new
/// messages wait. The transport creates the server from <see cref="Options"/>, calls
/// <see cref="Attach"/> with it, and disposes this when the session ends.
/// </summary>
public sealed class EntityServerSession : IDisposable
{
    private readonly EntityFeedNotifier _notifier;

    internal EntityServerSession(McpServerOptions options, EntityFeedNotifier notifier)
    {
        Options = options;
        _notifier = notifier;
    }

    /// <summary>The options to create the session's <see cref="McpServer"/> from.</summary>
    public McpServerOptions Options { get; }

    /// <summary>Starts notifying the client of <paramref name="server"/> (the session's server, created from <see cref="Options"/>) about new messages it subscribed to.</summary>
    public void Attach(McpServer server) => _notifier.Attach(server);

    /// <summary>Stops the notifications.</summary>
    public void Dispose() => _notifier.Dispose();
}
