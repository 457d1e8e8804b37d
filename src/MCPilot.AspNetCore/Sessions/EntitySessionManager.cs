using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MCPilot.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.AspNetCore.Sessions;

/// <summary>
/// The open sessions of every entity: lookup by id (only for the entity that owns the session), a
/// cap per entity (at the cap the least recently used idle session makes room; with none idle a
/// new session is refused), and reaping of sessions idle longer than the idle timeout.
/// </summary>
internal sealed partial class EntitySessionManager : IEntitySessions, IAsyncDisposable
{
    private static readonly Counter<long> Opened = MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.endpoint.sessions_opened", "{session}", "Entity MCP sessions opened.");
    private static readonly Counter<long> Closed = MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.endpoint.sessions_closed", "{session}", "Entity MCP sessions closed, by reason.");

    // The managers not yet disposed, which the process-wide gauge sums: one instrument for the process, however many hosts come and go.
    private static readonly ConcurrentDictionary<EntitySessionManager, byte> Live = new();

    private readonly ConcurrentDictionary<string, EntitySession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<EntityId, List<EntitySession>> _byEntity = [];
    private readonly Lock _gate = new();
    private readonly IOptionsMonitor<EntityEndpointOptions> _options;
    private readonly ILogger _logger;

    public EntitySessionManager(IOptionsMonitor<EntityEndpointOptions> options, ILogger<EntitySessionManager> logger)
    {
        _options = options;
        _logger = logger;
        Live.TryAdd(this, 0);
    }

    static EntitySessionManager() =>
        MCPilotDiagnostics.Meter.CreateObservableGauge("mcpilot.endpoint.sessions", () => Live.Keys.Sum(m => m.Count), "{session}", "Open entity MCP sessions (of every host in the process).");

    /// <summary>How many sessions are open.</summary>
    public int Count => _sessions.Count;

    /// <summary>How many sessions an entity has open.</summary>
    public int CountFor(EntityId entityId)
    {
        lock (_gate)
        {
            return _byEntity.TryGetValue(entityId, out var list) ? list.Count : 0;
        }
    }

    /// <summary>
    /// Adds a session within its entity's cap, closing the entity's least recently used idle session
    /// when the cap is reached.
    /// </summary>
    /// <returns><see langword="false"/> when the entity is at its cap and none of its sessions is idle.</returns>
    public async ValueTask<bool> TryAddAsync(EntitySession session)
    {
        EntitySession? evicted = null;
        lock (_gate)
        {
            if (!_byEntity.TryGetValue(session.EntityId, out var list))
            {
                _byEntity[session.EntityId] = list = [];
            }

            if (list.Count >= _options.CurrentValue.MaxSessionsPerEntity)
            {
                evicted = list.Where(s => s.IsIdle).MaxBy(s => s.IdleFor);
                if (evicted is null)
                {
                    return false;
                }

                list.Remove(evicted);
                _sessions.TryRemove(evicted.Id, out _);
            }

            list.Add(session);
            _sessions[session.Id] = session;
        }

        Opened.Add(1);
        if (evicted is not null)
        {
            LogEvicted(_logger, evicted.Id, session.EntityId.ToString(), _options.CurrentValue.MaxSessionsPerEntity);
            await CloseAsync(evicted, "evicted").ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The session with <paramref name="id"/>, only when it belongs to <paramref name="entityId"/>.</summary>
    public EntitySession? Find(string id, EntityId entityId) =>
        _sessions.TryGetValue(id, out var session) && session.EntityId == entityId && !session.IsDisposed ? session : null;

    /// <summary>Removes and closes a session; returns <see langword="false"/> when it was not open.</summary>
    public async ValueTask<bool> RemoveAsync(EntitySession session, string reason)
    {
        if (!Detach(session))
        {
            return false;
        }

        await CloseAsync(session, reason).ConfigureAwait(false);
        return true;
    }

    /// <summary>Closes every session of an entity, open streams included (the entity was deleted).</summary>
    public Task CloseEntityAsync(EntityId entityId, string reason) => CloseMatchingAsync(entityId, static _ => true, reason);

    /// <summary>Closes the sessions of an entity that a credential opened, open streams included (the credential was revoked).</summary>
    public Task CloseCredentialAsync(EntityId entityId, string credentialId, string reason) =>
        CloseMatchingAsync(entityId, s => string.Equals(s.CredentialId, credentialId, StringComparison.Ordinal), reason);

    /// <summary>Closes every session idle for longer than the idle timeout.</summary>
    public async Task ReapAsync()
    {
        var timeout = _options.CurrentValue.IdleTimeout;
        foreach (var session in _sessions.Values)
        {
            if (session.IsIdle && session.IdleFor >= timeout && Detach(session))
            {
                LogReaped(_logger, session.Id, session.EntityId.ToString(), timeout);
                await CloseAsync(session, "idle").ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        var all = _sessions.Values.ToArray();
        await Task.WhenAll(all.Select(s => RemoveAsync(s, "shutdown").AsTask())).ConfigureAwait(false);
        Live.TryRemove(this, out _);
    }

    private async Task CloseMatchingAsync(EntityId entityId, Func<EntitySession, bool> match, string reason)
    {
        EntitySession[] closing;
        lock (_gate)
        {
            closing = _byEntity.TryGetValue(entityId, out var list) ? [.. list.Where(match)] : [];
        }

        foreach (var session in closing)
        {
            if (Detach(session))
            {
                LogClosed(_logger, session.Id, entityId.ToString(), reason);
                await CloseAsync(session, reason).ConfigureAwait(false);
            }
        }
    }

    private bool Detach(EntitySession session)
    {
        lock (_gate)
        {
            if (!_sessions.TryRemove(new KeyValuePair<string, EntitySession>(session.Id, session)))
            {
                return false;
            }

            if (_byEntity.TryGetValue(session.EntityId, out var list))
            {
                list.Remove(session);
                if (list.Count == 0)
                {
                    _byEntity.Remove(session.EntityId);
                }
            }

            return true;
        }
    }

    private async ValueTask CloseAsync(EntitySession session, string reason)
    {
        Closed.Add(1, new KeyValuePair<string, object?>("reason", reason));
        try
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogCloseFailed(_logger, session.Id, e);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Closed idle session {SessionId} of entity {EntityId} (idle longer than {IdleTimeout}).")]
    private static partial void LogReaped(ILogger logger, string sessionId, string entityId, TimeSpan idleTimeout);

    [LoggerMessage(2, LogLevel.Information, "Closed idle session {SessionId} to make room for a new session of entity {EntityId} (MCPilot:Endpoints:MaxSessionsPerEntity is {Max}).")]
    private static partial void LogEvicted(ILogger logger, string sessionId, string entityId, int max);

    [LoggerMessage(4, LogLevel.Information, "Closed session {SessionId} of entity {EntityId}: {Reason}.")]
    private static partial void LogClosed(ILogger logger, string sessionId, string entityId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Error while closing session {SessionId}.")]
    private static partial void LogCloseFailed(ILogger logger, string sessionId, Exception exception);
}
