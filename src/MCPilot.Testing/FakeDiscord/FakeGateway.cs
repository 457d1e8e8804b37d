using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// FakeDiscord's Gateway: a WebSocket endpoint speaking v10 JSON on the same server as the REST
/// API (<c>GET /gateway/bot</c> points at it). Identify checks the token (4004), the intents
/// (4013, and 4014 for privileged intents not enabled in <see cref="FakeGatewayOptions.EnabledPrivilegedIntents"/>)
/// and the shard (4010, 4011); READY is followed by GUILD_CREATE for each guild of the shard;
/// every change of <see cref="FakeDiscordState"/> is dispatched to the sessions of its shard (DMs
/// on shard 0) that have its intent; Resume replays what a session missed. Tests inject faults:
/// <see cref="DropConnections"/>, <see cref="StopAcknowledgingHeartbeats"/>, <see cref="SendReconnect"/>,
/// <see cref="InvalidateSession"/>, <see cref="Close"/> and <see cref="Latency"/>, and payloads a
/// client cannot read: <see cref="InjectDispatch"/> and <see cref="SendRawFrame"/>.
/// </summary>
public sealed class FakeGateway : IDisposable
{
    /// <summary>Every intent bit Discord defines.</summary>
    internal const long KnownIntents = 0x1FFFF | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);

    private readonly FakeDiscordState _state;
    private readonly TimeProvider _time;
    private readonly byte[] _token;
    private readonly ConcurrentDictionary<string, FakeGatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<FakeGatewayConnection, byte> _connections = new();
    private readonly Dictionary<int, DateTimeOffset> _lastIdentify = [];
    private readonly Lock _gate = new();
    private readonly long[] _counters = new long[Enum.GetValues<Counter>().Length];
    private readonly HashSet<int> _silentShards = [];
    private bool _silentAll;

    internal FakeGateway(FakeDiscordState state, FakeGatewayOptions options, TimeProvider time, string token)
    {
        _state = state;
        Options = options;
        _time = time;
        _token = Encoding.UTF8.GetBytes(token);
    }

    internal enum Counter
    {
        Connection,
        Identify,
        Resume,
        HeartbeatTimeout,
        RateLimited,
    }

    /// <summary>The Gateway's settings (change them before clients connect).</summary>
    public FakeGatewayOptions Options { get; }

    /// <summary>
    /// How late every payload the Gateway sends arrives (dispatches counted from when they happened,
    /// ACKs and Hello from when they were due): network latency, not a cap on throughput. Zero by default.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>WebSocket connections accepted.</summary>
    public long Connections => Read(Counter.Connection);

    /// <summary>Sessions started (successful identifies).</summary>
    public long Identifies => Read(Counter.Identify);

    /// <summary>Sessions resumed.</summary>
    public long Resumes => Read(Counter.Resume);

    /// <summary>Connections closed because the client stopped heartbeating.</summary>
    public long HeartbeatTimeouts => Read(Counter.HeartbeatTimeout);

    /// <summary>Connections closed with 4008 for sending more than 120 payloads in 60 s.</summary>
    public long RateLimitCloses => Read(Counter.RateLimited);

    /// <summary>Every session, oldest first.</summary>
    public IReadOnlyList<FakeGatewaySessionInfo> Sessions => [.. _sessions.Values.Select(s => s.Info()).OrderBy(s => s.Ordinal)];

    /// <summary>The URL READY gives for resuming (another path of the same server, so tests can tell resumes apart, unless <see cref="FakeGatewayOptions.ResumeGatewayUrl"/> says otherwise).</summary>
    internal string ResumeUrl => Options.ResumeGatewayUrl ?? _state.GatewayUrl + "/resume";

    /// <summary>Drops the connections of <paramref name="shardId"/> (all when null) without a close frame; sessions stay resumable.</summary>
    public int DropConnections(int? shardId = null) => ForEach(shardId, c =>
    {
        c.Abort();
        return Task.CompletedTask;
    });

    /// <summary>Stops answering heartbeats on <paramref name="shardId"/> (all when null): the client must notice the zombie connection and resume.</summary>
    public void StopAcknowledgingHeartbeats(int? shardId = null)
    {
        lock (_gate)
        {
            if (shardId is { } shard)
            {
                _silentShards.Add(shard);
            }
            else
            {
                _silentAll = true;
            }
        }
    }

    /// <summary>Answers heartbeats again.</summary>
    public void AcknowledgeHeartbeats()
    {
        lock (_gate)
        {
            _silentShards.Clear();
            _silentAll = false;
        }
    }

    /// <summary>Sends opcode 7 Reconnect to <paramref name="shardId"/> (all when null).</summary>
    public int SendReconnect(int? shardId = null) => ForEach(shardId, c => c.SendOpAsync(7, null));

    /// <summary>Sends a heartbeat request (opcode 1) to <paramref name="shardId"/> (all when null).</summary>
    public int RequestHeartbeat(int? shardId = null) => ForEach(shardId, c => c.SendOpAsync(1, null));

    /// <summary>
    /// Sends opcode 9 Invalid Session to <paramref name="shardId"/> (all when null). When not
    /// <paramref name="resumable"/>, the sessions are ended: a resume attempt gets opcode 9 again.
    /// </summary>
    public int InvalidateSession(bool resumable, int? shardId = null) => ForEach(shardId, c =>
    {
        if (!resumable)
        {
            c.Session?.Invalidate();
        }

        return c.SendOpAsync(9, resumable);
    });

    /// <summary>
    /// Closes the connections of <paramref name="shardId"/> (all when null) with <paramref name="code"/>.
    /// For 4007 and 4009 the sessions end too, as on Discord.
    /// </summary>
    public int Close(int code, int? shardId = null, string reason = "Closed by FakeDiscord") => ForEach(shardId, c =>
    {
        if (code is 4007 or 4009)
        {
            c.Session?.Invalidate();
        }

        return c.CloseAsync(code, reason);
    });

    /// <summary>
    /// Dispatches an event of any name with <paramref name="data"/> as its <c>d</c>, written as given
    /// (malformed JSON, nulls where Discord never sends them): each live session of
    /// <paramref name="shardId"/> (all when null) gets it with its next sequence number, and replays
    /// it on resume like any other. Returns how many sessions got it. For testing a client's
    /// handling of events it cannot decode.
    /// </summary>
    public int InjectDispatch(string name, string data, int? shardId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(data);
        var targets = _sessions.Values.Where(s => !s.Invalidated && (shardId is null || s.ShardId == shardId)).ToList();
        foreach (var session in targets)
        {
            session.AppendRaw(name, data);
        }

        return targets.Count;
    }

    /// <summary>
    /// Sends <paramref name="frame"/> as one text message, exactly as given and outside any
    /// session's sequence, on the connections of <paramref name="shardId"/> (all when null): an
    /// envelope a client cannot read (<c>{"op":"x"}</c>, <c>"s":1.5</c>). Returns how many connections.
    /// </summary>
    public int SendRawFrame(string frame, int? shardId = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return ForEach(shardId, c => c.SendRawAsync(frame));
    }

    /// <summary>Closes every connection and ends every session.</summary>
    public void Dispose()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Abort();
        }

        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }

    internal async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("FakeDiscord's Gateway: connect with a WebSocket (?v=10&encoding=json).", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var version = context.Request.Query["v"].ToString();
        var encoding = context.Request.Query["encoding"].ToString();
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        Count(Counter.Connection);
        var connection = new FakeGatewayConnection(this, socket, _time);
        _connections[connection] = 0;
        if (version != "10")
        {
            await connection.CloseAsync(4012, "Invalid API version").ConfigureAwait(false);
            _connections.TryRemove(connection, out _);
            return;
        }

        if (encoding is not ("" or "json"))
        {
            await connection.CloseAsync(4002, "Decode error: FakeDiscord speaks JSON only").ConfigureAwait(false);
            _connections.TryRemove(connection, out _);
            return;
        }

        SweepExpired();
        await connection.RunAsync(context.RequestAborted).ConfigureAwait(false);
    }

    internal bool TokenMatches(string? token) => token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _token);

    internal bool Acknowledges(int? shardId)
    {
        lock (_gate)
        {
            return !_silentAll && !(shardId is { } shard && _silentShards.Contains(shard));
        }
    }

    /// <summary>Starts a session, or refuses: null with <paramref name="refusal"/> 4011 (too many guilds) or 9 (identify too fast, no session starts left).</summary>
    internal FakeGatewaySession? StartSession(int shardId, int shardCount, int intents, out int refusal)
    {
        refusal = 0;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var key = shardId % Math.Max(1, Options.MaxConcurrency);
            if (_lastIdentify.TryGetValue(key, out var last) && now - last < Options.IdentifyInterval)
            {
                refusal = 9;
                return null;
            }

            if (!_state.TryStartSession())
            {
                refusal = 9;
                return null;
            }

            var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
            FakeGatewaySession? session = null;
            var opened = _state.OpenGatewaySession(
                guildId => (int)((guildId >> 22) % (ulong)shardCount) == shardId,
                (subscription, user, guilds) =>
                {
                    if (shardCount == 1 && guilds.Count > Options.MaxGuildsPerShard)
                    {
                        subscription.Dispose();
                        return false;
                    }

                    session = new FakeGatewaySession(id, Read(Counter.Identify) + 1, shardId, shardCount, intents, _state.BotUser.Id, [.. guilds.Select(g => g.GuildId)], subscription, Options.ReplayCapacity, _time);
                    session.Append("READY", new JsonObject
                    {
                        ["v"] = 10,
                        ["user"] = user,
                        ["guilds"] = new JsonArray([.. guilds.Select(g => (JsonNode)new JsonObject { ["id"] = g.GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unavailable"] = true })]),
                        ["session_id"] = id,
                        ["session_type"] = "normal",
                        ["resume_gateway_url"] = ResumeUrl,
                        ["shard"] = new JsonArray(shardId, shardCount),
                        ["application"] = new JsonObject { ["id"] = _state.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["flags"] = (1 << 15) | (1 << 19) },
                        ["private_channels"] = new JsonArray(),
                        ["presences"] = new JsonArray(),
                        ["relationships"] = new JsonArray(),
                        ["guild_join_requests"] = new JsonArray(),
                        ["geo_ordered_rtc_regions"] = new JsonArray(),
                        ["_trace"] = new JsonArray("fakediscord-gateway"),
                    });
                    if ((intents & 1) != 0)
                    {
                        foreach (var (_, payload) in guilds)
                        {
                            session.Append("GUILD_CREATE", payload);
                        }
                    }

                    return true;
                });
            if (!opened || session is null)
            {
                refusal = 4011;
                return null;
            }

            _lastIdentify[key] = now;
            _sessions[id] = session;
            Count(Counter.Identify);
            _ = session.PumpAsync();
            return session;
        }
    }

    internal FakeGatewaySession? FindResumable(string? sessionId)
    {
        if (sessionId is null || !_sessions.TryGetValue(sessionId, out var session) || session.Invalidated)
        {
            return null;
        }

        return session.DisconnectedAt is { } at && _time.GetUtcNow() - at > Options.ResumeWindow ? null : session;
    }

    internal void Forget(FakeGatewayConnection connection) => _connections.TryRemove(connection, out _);

    internal void Count(Counter counter) => Interlocked.Increment(ref _counters[(int)counter]);

    private long Read(Counter counter) => Interlocked.Read(ref _counters[(int)counter]);

    private int ForEach(int? shardId, Func<FakeGatewayConnection, Task> action)
    {
        var targets = _connections.Keys.Where(c => c.ShardId is { } shard && (shardId is null || shard == shardId)).ToList();
        foreach (var connection in targets)
        {
            _ = action(connection);
        }

        return targets.Count;
    }

    private void SweepExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var session in _sessions.Values)
        {
            if (session.Invalidated || (session.DisconnectedAt is { } at && now - at > Options.ResumeWindow))
            {
                // Kept for Sessions (what it sent), but it no longer collects or replays anything.
                session.Invalidate();
            }
        }
    }
}
