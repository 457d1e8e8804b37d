using MCPilot.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.AspNetCore.Sessions;

/// <summary>
/// One MCP session of an entity: its transport, its server, the server's run loop and what the
/// entity server factory attached to it (the feed notifier). It counts the requests in flight, so
/// that only sessions with none (and no open stream) are idle.
/// </summary>
internal sealed class EntitySession : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private int _references;
    private int _getStarted;
    private int _disposed;

    private readonly EntityServerSession _entitySession;

    public EntitySession(string id, EntityId entityId, string? credentialId, ITransport transport, McpServer server, EntityServerSession entitySession, TimeProvider time)
    {
        Id = id;
        EntityId = entityId;
        CredentialId = credentialId;
        Transport = transport;
        Server = server;
        _entitySession = entitySession;
        _time = time;
        LastActivity = time.GetTimestamp();
    }

    /// <summary>Creates the server of a new session over <paramref name="transport"/> and attaches the entity session to it.</summary>
    public static EntitySession Open(string id, EntityId entityId, string? credentialId, ITransport transport, EntityServerSession entitySession, ILoggerFactory loggerFactory, IServiceProvider services, TimeProvider time)
    {
        var server = McpServer.Create(transport, entitySession.Options, loggerFactory, services);
        entitySession.Attach(server);
        return new EntitySession(id, entityId, credentialId, transport, server, entitySession, time);
    }

    public string Id { get; }

    public EntityId EntityId { get; }

    /// <summary>The credential that opened the session (see <see cref="Authentication.EntityClaims.CredentialId"/>): its revocation closes the session.</summary>
    public string? CredentialId { get; }

    public ITransport Transport { get; }

    public McpServer Server { get; }

    /// <summary>The server's message loop.</summary>
    public Task RunTask { get; set; } = Task.CompletedTask;

    /// <summary>When the last request started or ended (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastActivity { get; private set; }

    /// <summary>Whether no request or stream is using the session.</summary>
    public bool IsIdle => Volatile.Read(ref _references) == 0;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>How long the session has been idle (zero while in use).</summary>
    public TimeSpan IdleFor => IsIdle ? _time.GetElapsedTime(LastActivity) : TimeSpan.Zero;

    /// <summary>Marks a request (or stream) as using the session until the returned handle is disposed.</summary>
    public IDisposable Use()
    {
        Interlocked.Increment(ref _references);
        LastActivity = _time.GetTimestamp();
        return new Handle(this);
    }

    /// <summary>Claims the session's one GET stream; <see langword="false"/> when it is taken.</summary>
    public bool TryStartGet() => Interlocked.Exchange(ref _getStarted, 1) == 0;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await Transport.DisposeAsync().ConfigureAwait(false);
            await RunTask.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The run loop ends by cancellation when the transport closes.
        }
        finally
        {
            _entitySession.Dispose();
            await Server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class Handle(EntitySession session) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                session.LastActivity = session._time.GetTimestamp();
                Interlocked.Decrement(ref session._references);
            }
        }
    }
}
