using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// Runs one shard for the life of the client: connect, Hello, heartbeats (first one jittered),
/// identify or resume, read until the connection ends, then decide by the close code or opcode
/// whether to resume, identify anew or stop — and go round again. Dispatches go to a bounded
/// channel; when consumers fall behind the shard stops reading (back-pressure) while its
/// heartbeats continue, and zombie detection is suspended for that interval, as it is while the
/// shard waits for its identify turn. Any failure of a connection short of a fatal close code is a
/// drop the shard resumes from.
/// </summary>
internal sealed class ShardConnection
{
    private readonly int _shardId;
    private readonly int _shardCount;
    private readonly string _token;
    private readonly GatewayOptions _options;
    private readonly IdentifyScheduler _identify;
    private readonly Func<CancellationToken, ValueTask<Uri>> _gatewayUrl;
    private readonly ChannelWriter<GatewayDispatch> _events;
    private readonly Action<int> _onReady;
    private readonly GatewayEventRate _rate;
    private readonly Random _random;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GatewaySession _session = new();
    private readonly GatewaySendLimiter _limiter;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly KeyValuePair<string, object?> _shardTag;

    private ClientWebSocket? _socket;
    private volatile bool _ackPending;
    private volatile bool _readingPaused;
    private volatile bool _pausedThisInterval;
    private long _heartbeatSentAt;
    private string? _dropCause;
    private volatile ShardState _state = ShardState.Idle;
    private TimeSpan? _latency;
    private int _identifies;
    private int _resumes;
    private long _received;
    private string? _lastDisconnect;
    private string? _error;

    public ShardConnection(
        int shardId,
        int shardCount,
        string token,
        GatewayOptions options,
        IdentifyScheduler identify,
        Func<CancellationToken, ValueTask<Uri>> gatewayUrl,
        ChannelWriter<GatewayDispatch> events,
        Action<int> onReady,
        GatewayEventRate rate,
        Random random,
        TimeProvider time,
        ILogger logger)
    {
        _random = random;
        _shardId = shardId;
        _shardCount = shardCount;
        _token = token;
        _options = options;
        _identify = identify;
        _gatewayUrl = gatewayUrl;
        _events = events;
        _onReady = onReady;
        _rate = rate;
        _time = time;
        _logger = logger;
        _limiter = new GatewaySendLimiter(time);
        _shardTag = new("shard", shardId);
    }

    public int ShardId => _shardId;

    public ShardStatus Status => new(_shardId, _shardCount, _state, _latency, _session.Sequence, _identifies, _resumes, _lastDisconnect, _error)
    {
        EventsReceived = Interlocked.Read(ref _received),
    };

    /// <summary>Runs until cancelled or a fatal close code (then throws <see cref="GatewayFatalException"/>).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var outcome = await RunConnectionAsync(cancellationToken).ConfigureAwait(false);
                _lastDisconnect = outcome.Cause;
                GatewayMetrics.Disconnects.Add(1, _shardTag, new("cause", outcome.Kind), new("action", outcome.Action.ToString()), new("code", outcome.CloseCode));
                if (outcome.Action == GatewayReconnectAction.Stop)
                {
                    _state = ShardState.Failed;
                    _error = outcome.Cause;
                    GatewayLog.Fatal(_logger, _shardId, outcome.Cause);
                    throw new GatewayFatalException(_shardId, outcome.CloseCode ?? 0, outcome.Cause);
                }

                if (outcome.Action == GatewayReconnectAction.Identify)
                {
                    _session.Reset();
                }

                // A payload the client cannot read may come again after the resume: back off as from a failed connection.
                failures = outcome.ReachedReady && outcome.Kind is not (GatewayDisconnectKind.UnreadablePayload or GatewayDisconnectKind.Error) ? 0 : failures + 1;
                var delay = outcome.Delay ?? Backoff(failures);
                _state = ShardState.Reconnecting;
                GatewayLog.Disconnected(_logger, _shardId, outcome.Cause, outcome.Action, delay);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not GatewayFatalException)
        {
            // Stopping: whatever the connection was doing when it was cancelled no longer matters.
        }
        finally
        {
            if (_state != ShardState.Failed)
            {
                _state = ShardState.Stopped;
            }
        }
    }

    /// <summary>Sends an arbitrary payload (presence update, member request) within the rate limit.</summary>
    public ValueTask SendAsync(GatewayOpCode op, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        SendAsync(buffer => GatewayPayloads.Raw(buffer, op, data.Span), priority: false, cancellationToken);

    private TimeSpan Backoff(int failures)
    {
        if (failures == 0)
        {
            return TimeSpan.FromMilliseconds(_random.Next(0, 250));
        }

        var max = _options.MaxReconnectDelay.TotalMilliseconds;
        var exponential = Math.Min(max, _options.MinReconnectDelay.TotalMilliseconds * Math.Pow(2, failures - 1));
        return TimeSpan.FromMilliseconds(exponential * (0.5 + (_random.NextDouble() / 2)));
    }

    private async Task<Outcome> RunConnectionAsync(CancellationToken cancellationToken)
    {
        var resume = _session.CanResume;
        if (!resume)
        {
            // Without a connection open: the session start limit may take hours to reset.
            await _identify.WaitForBudgetAsync(_shardId, cancellationToken).ConfigureAwait(false);
        }

        _state = ShardState.Connecting;
        _dropCause = null;
        _ackPending = false;
        _pausedThisInterval = false;
        _limiter.Reset();
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        _socket = socket;
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task heartbeats = Task.CompletedTask;
        var reachedReady = false;
        try
        {
            // Without a usable resume_gateway_url from READY, resume through the Gateway URL (Discord accepts that too).
            var baseUrl = (resume ? _session.ResumeUrl : null) ?? await _gatewayUrl(cancellationToken).ConfigureAwait(false);
            GatewayLog.Connecting(_logger, _shardId, _shardCount, baseUrl.Host, resume ? "resume" : "identify");
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            using (var helloTimeout = new CancellationTokenSource(_options.HelloTimeout, _time))
            using (var helloToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, helloTimeout.Token))
            {
                await socket.ConnectAsync(WithQuery(baseUrl), helloToken.Token).ConfigureAwait(false);
                var hello = await ReceiveAsync(socket, buffer, helloToken.Token).ConfigureAwait(false);
                if (hello is null)
                {
                    return Closed(socket, "closed before Hello");
                }

                var frame = GatewayFrame.Parse(buffer.WrittenSpan);
                if (frame.OpCode == GatewayOpCode.Reconnect)
                {
                    return new Outcome(GatewayReconnectAction.Resume, GatewayDisconnectKind.Reconnect, "Discord asked to reconnect (opcode 7) before Hello", null, TimeSpan.Zero, false);
                }

                if (frame.OpCode != GatewayOpCode.Hello)
                {
                    return new Outcome(GatewayReconnectAction.Resume, GatewayDisconnectKind.UnreadablePayload, $"expected Hello, got opcode {(int)frame.OpCode}", null, null, false);
                }

                var interval = TimeSpan.FromMilliseconds(ReadHeartbeatInterval(frame.Data(buffer.WrittenSpan)));
                heartbeats = HeartbeatLoopAsync(socket, interval, connection.Token);
            }

            if (resume)
            {
                _state = ShardState.Resuming;
                var sessionId = _session.SessionId!;
                var sequence = _session.Sequence!.Value;
                await SendAsync(b => GatewayPayloads.Resume(b, _token, sessionId, sequence), priority: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                _state = ShardState.Identifying;

                // Nothing is read until the identify is sent: ACKs wait in the socket, as when consumers
                // are behind, so a long wait for the turn (or the session start limit) is no zombie.
                _readingPaused = true;
                _pausedThisInterval = true;
                try
                {
                    await _identify.WaitTurnAsync(_shardId, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _readingPaused = false;
                }

                Interlocked.Increment(ref _identifies);
                await SendAsync(b => GatewayPayloads.Identify(b, _token, _options.Intents, _shardId, _shardCount, _options.LargeThreshold), priority: true, cancellationToken).ConfigureAwait(false);
            }

            while (true)
            {
                buffer.ResetWrittenCount();
                if (await ReceiveAsync(socket, buffer, cancellationToken).ConfigureAwait(false) is null)
                {
                    return Closed(socket, null) with { ReachedReady = reachedReady };
                }

                var message = buffer.WrittenSpan;
                var frame = GatewayFrame.Parse(message);
                switch (frame.OpCode)
                {
                    case GatewayOpCode.Dispatch:
                        var dispatch = OnDispatch(frame, message, ref reachedReady);
                        await PublishAsync(dispatch, cancellationToken).ConfigureAwait(false);
                        break;
                    case GatewayOpCode.Heartbeat:
                        await SendHeartbeatAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    case GatewayOpCode.HeartbeatAck:
                        OnHeartbeatAck();
                        break;
                    case GatewayOpCode.Reconnect:
                        await CloseForReconnectAsync(socket).ConfigureAwait(false);
                        return new Outcome(GatewayReconnectAction.Resume, GatewayDisconnectKind.Reconnect, "Discord asked to reconnect (opcode 7)", null, TimeSpan.Zero, reachedReady);
                    case GatewayOpCode.InvalidSession:
                        var resumable = frame.Data(message).SequenceEqual("true"u8);
                        GatewayLog.InvalidSession(_logger, _shardId, resumable);
                        await CloseForReconnectAsync(socket).ConfigureAwait(false);
                        // Discord asks for a random pause before the next attempt: 1-5 s before a new identify.
                        var most = _options.InvalidSessionMaxDelay;
                        return resumable
                            ? new Outcome(GatewayReconnectAction.Resume, GatewayDisconnectKind.InvalidSession, "invalid session (resumable)", null, most * _random.NextDouble() * 0.2, reachedReady)
                            : new Outcome(GatewayReconnectAction.Identify, GatewayDisconnectKind.InvalidSession, "invalid session (not resumable)", null, most * (0.2 + (_random.NextDouble() * 0.8)), reachedReady);
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong with this connection, the session can still be resumed: only a
            // fatal close code stops a shard, and nothing here stops the other shards.
            if (_dropCause is { } zombie)
            {
                return new Outcome(GatewayReconnectAction.Resume, GatewayDisconnectKind.Zombie, zombie, null, null, reachedReady);
            }

            var (kind, cause) = e switch
            {
                OperationCanceledException => (GatewayDisconnectKind.HelloTimeout, $"no connection or no Hello within {_options.HelloTimeout} (MCPilot:Discord:Gateway:HelloTimeout)"),
                JsonException or InvalidDataException => (GatewayDisconnectKind.UnreadablePayload, "unreadable payload: " + e.Message),
                WebSocketException or IOException or HttpRequestException => (GatewayDisconnectKind.ConnectionLost, "connection lost: " + e.Message),
                _ => (GatewayDisconnectKind.Error, $"unexpected error: {e.GetType().Name}: {e.Message}"),
            };
            if (kind == GatewayDisconnectKind.Error)
            {
                GatewayLog.ConnectionError(_logger, e, _shardId);
            }

            return new Outcome(GatewayReconnectAction.Resume, kind, cause, null, null, reachedReady);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            await heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _socket = null;
            socket.Abort();
        }
    }

    /// <summary>Tracks the sequence and the session (READY, RESUMED), and copies the event out of the receive buffer.</summary>
    private GatewayDispatch OnDispatch(GatewayFrame frame, ReadOnlySpan<byte> message, ref bool reachedReady)
    {
        var sequence = frame.Sequence ?? 0;
        if (frame.Sequence is { } s)
        {
            _session.Observe(s);
        }

        var type = frame.Type ?? string.Empty;
        if (type == "READY")
        {
            var ready = ReadyInfo.Parse(frame.Data(message));
            if (ready.ResumeUrl is null)
            {
                GatewayLog.ResumeUrlUnusable(_logger, _shardId, ready.RawResumeUrl ?? "(none)");
            }

            _session.Start(ready.SessionId, ready.ResumeUrl);
            _state = ShardState.Ready;
            reachedReady = true;
            GatewayMetrics.Connections.Add(1, _shardTag, new("kind", "identify"));
            GatewayLog.Ready(_logger, _shardId, ready.Guilds);
            _onReady(_shardId);
        }
        else if (type == "RESUMED")
        {
            _state = ShardState.Ready;
            reachedReady = true;
            Interlocked.Increment(ref _resumes);
            GatewayMetrics.Connections.Add(1, _shardTag, new("kind", "resume"));
            GatewayLog.Resumed(_logger, _shardId, _session.Sequence);
            _onReady(_shardId);
        }

        Interlocked.Increment(ref _received);
        _rate.Record();
        GatewayMetrics.Events.Add(1, new KeyValuePair<string, object?>("type", type));
        return new GatewayDispatch(_shardId, sequence, type, message.ToArray(), frame.DataStart, frame.DataLength, _time.GetUtcNow());
    }

    /// <summary>Hands an event to consumers; when they are behind, waits (back-pressure) without stopping heartbeats.</summary>
    private async ValueTask PublishAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (_events.TryWrite(dispatch))
        {
            return;
        }

        _readingPaused = true;
        _pausedThisInterval = true;
        GatewayMetrics.BackPressure.Add(1, _shardTag);
        GatewayLog.BackPressure(_logger, _shardId);
        try
        {
            await _events.WriteAsync(dispatch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _readingPaused = false;
        }
    }

    private Outcome Closed(ClientWebSocket socket, string? fallback)
    {
        var code = socket.CloseStatus is { } status ? (int?)(int)status : null;
        var cause = fallback is not null && code is null ? fallback : GatewayCloseCodes.Describe(code, _options.Intents);
        return new Outcome(GatewayCloseCodes.ActionFor(code), code is null ? GatewayDisconnectKind.ConnectionLost : GatewayDisconnectKind.Closed, cause, code, null, false);
    }

    private async Task HeartbeatLoopAsync(ClientWebSocket socket, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * _random.NextDouble(), _time, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (_ackPending && !_pausedThisInterval)
                {
                    _dropCause = "zombie connection: no heartbeat ACK since the last heartbeat";
                    GatewayLog.Zombie(_logger, _shardId, interval);
                    socket.Abort();
                    return;
                }

                _pausedThisInterval = _readingPaused;
                await SendHeartbeatAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the read loop reports why.
        }
    }

    private async ValueTask SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        var sequence = _session.Sequence;

        // Marked before sending: on loopback the ACK can be read before SendAsync returns.
        Interlocked.Exchange(ref _heartbeatSentAt, _time.GetTimestamp());
        _ackPending = true;
        await SendAsync(b => GatewayPayloads.Heartbeat(b, sequence), priority: true, cancellationToken).ConfigureAwait(false);
    }

    private void OnHeartbeatAck()
    {
        _ackPending = false;
        if (_pausedThisInterval || _readingPaused)
        {
            // The ACK waited unread (behind events the consumers had not taken, or for the identify turn): not a network latency.
            return;
        }

        var latency = _time.GetElapsedTime(Interlocked.Read(ref _heartbeatSentAt));
        _latency = latency;
        GatewayMetrics.HeartbeatLatency.Record(latency.TotalSeconds, _shardTag);
    }

    private async ValueTask SendAsync(Action<IBufferWriter<byte>> write, bool priority, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new WebSocketException("The shard is not connected.");
        await _limiter.AcquireAsync(priority, cancellationToken).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>(256);
        write(buffer);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseForReconnectAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)GatewayCloseCodes.ReconnectClose, "reconnecting", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropping the connection is enough: the session survives any close but 1000/1001.
        }
    }

    /// <summary>Reads one whole message into <paramref name="buffer"/>; <see langword="null"/> when the peer closed.</summary>
    private async Task<WebSocketMessageType?> ReceiveAsync(ClientWebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > _options.MaxMessageBytes)
            {
                throw new InvalidDataException($"a Gateway message exceeded {_options.MaxMessageBytes} bytes (MCPilot:Discord:Gateway:MaxMessageBytes)");
            }

            if (result.EndOfMessage)
            {
                return result.MessageType;
            }
        }
    }

    private static Uri WithQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    private static double ReadHeartbeatInterval(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("heartbeat_interval"u8))
            {
                reader.Read();
                var interval = GatewayJsonValues.Double(ref reader, "d.heartbeat_interval");
                return interval > 0 ? interval : throw new JsonException($"Hello's heartbeat_interval is {interval}; it must be positive.");
            }
        }

        throw new JsonException("Hello has no heartbeat_interval.");
    }

    /// <param name="Action">What the shard does next.</param>
    /// <param name="Kind">The kind of cause, one of <see cref="GatewayDisconnectKind"/> (the <c>cause</c> tag of the disconnects counter).</param>
    /// <param name="Cause">The cause, in words (logged and shown in <see cref="ShardStatus"/>).</param>
    /// <param name="CloseCode">The close code, if the connection was closed with one.</param>
    /// <param name="Delay">The pause before reconnecting, or null for the backoff.</param>
    /// <param name="ReachedReady">Whether the session was ready on this connection (resets the backoff).</param>
    private readonly record struct Outcome(GatewayReconnectAction Action, string Kind, string Cause, int? CloseCode, TimeSpan? Delay, bool ReachedReady);
}
