using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// One WebSocket connection to FakeDiscord's Gateway, speaking v10 JSON as Discord does: Hello,
/// then Identify or Resume, heartbeats and their ACKs, dispatches in sequence order, and the
/// close codes Discord uses for each mistake.
/// </summary>
internal sealed class FakeGatewayConnection
{
    private const int MaxPayloadBytes = 4096;
    private const int SendLimit = 120;
    private static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(60);
    private readonly FakeGateway _gateway;
    private readonly WebSocket _socket;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Queue<long> _received = new();
    private readonly CancellationTokenSource _closed = new();
    private FakeGatewaySession? _session;
    private long _lastHeartbeat;
    private int _closing;

    public FakeGatewayConnection(FakeGateway gateway, WebSocket socket, TimeProvider time)
    {
        _gateway = gateway;
        _socket = socket;
        _time = time;
        _lastHeartbeat = time.GetTimestamp();
    }

    /// <summary>The shard of the attached session, if any.</summary>
    public int? ShardId => _session?.ShardId;

    public FakeGatewaySession? Session => _session;

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _closed.Token);
        var token = linked.Token;
        var watchdog = WatchdogAsync(token);
        try
        {
            await SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = (long)_gateway.Options.HeartbeatInterval.TotalMilliseconds } }, token).ConfigureAwait(false);
            var buffer = new ArrayBufferWriter<byte>(1024);
            while (!token.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                var result = await ReceiveAsync(buffer, token).ConfigureAwait(false);
                if (result is null)
                {
                    return;
                }

                if (Volatile.Read(ref _closing) == 1)
                {
                    // Closed by the server: wait for the client to go, so the close frame is read before the TCP connection ends.
                    continue;
                }

                if (result == false)
                {
                    await CloseAsync(4002, "Decode error: payloads are at most 4096 bytes").ConfigureAwait(false);
                }
                else if (!CountReceived())
                {
                    _gateway.Count(FakeGateway.Counter.RateLimited);
                    await CloseAsync(4008, "Rate limited").ConfigureAwait(false);
                }
                else
                {
                    await HandleAsync(buffer.WrittenMemory, token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection ended (dropped by the client, a fault, or the server stopping).
        }
        finally
        {
            await _closed.CancelAsync().ConfigureAwait(false);
            await watchdog.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _session?.Detach(this, _time.GetUtcNow());
            _gateway.Forget(this);
        }
    }

    /// <summary>Sends a payload (an opcode other than dispatch) now.</summary>
    public Task SendOpAsync(int op, JsonNode? data)
        => SendAsync(new JsonObject { ["op"] = op, ["d"] = data }, _closed.Token);

    /// <summary>Sends <paramref name="text"/> as one text message, exactly as given.</summary>
    public Task SendRawAsync(string text)
        => SendFrameAsync(Encoding.UTF8.GetBytes(text), _time.GetTimestamp(), _closed.Token);

    /// <summary>Sends a close frame with <paramref name="code"/> and ends the connection.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            // The client reads the close frame and goes; if it does not, the connection ends anyway.
            _closed.CancelAfter(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>Drops the connection without a close frame.</summary>
    public void Abort()
    {
        _socket.Abort();
        _closed.Cancel();
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(message.Span);
        }
        catch (JsonException)
        {
            await CloseAsync(4002, "Decode error").ConfigureAwait(false);
            return;
        }

        if (payload is not JsonObject obj || obj["op"] is not JsonValue opValue || !opValue.TryGetValue<int>(out var op))
        {
            await CloseAsync(4002, "Decode error").ConfigureAwait(false);
            return;
        }

        var data = obj["d"];
        switch (op)
        {
            case 1:
                Interlocked.Exchange(ref _lastHeartbeat, _time.GetTimestamp());
                if (_gateway.Acknowledges(ShardId))
                {
                    await SendOpAsync(11, null).ConfigureAwait(false);
                }

                break;
            case 2:
                await IdentifyAsync(data as JsonObject, cancellationToken).ConfigureAwait(false);
                break;
            case 6:
                await ResumeAsync(data as JsonObject, cancellationToken).ConfigureAwait(false);
                break;
            case 3 or 4 or 8 when _session is null:
                await CloseAsync(4003, "Not authenticated").ConfigureAwait(false);
                break;
            case 3 or 4 or 8:
                break;
            default:
                await CloseAsync(4001, "Unknown opcode").ConfigureAwait(false);
                break;
        }
    }

    private async Task IdentifyAsync(JsonObject? identify, CancellationToken cancellationToken)
    {
        if (_session is not null)
        {
            await CloseAsync(4005, "Already authenticated").ConfigureAwait(false);
            return;
        }

        if (identify is null || !_gateway.TokenMatches(identify["token"]?.GetValue<string>()))
        {
            await CloseAsync(4004, "Authentication failed").ConfigureAwait(false);
            return;
        }

        var intents = identify["intents"] is JsonValue i && i.TryGetValue<long>(out var value) ? value : -1;
        if (intents < 0 || (intents & ~FakeGateway.KnownIntents) != 0)
        {
            await CloseAsync(4013, "Invalid intent(s)").ConfigureAwait(false);
            return;
        }

        if ((intents & (long)FakePrivilegedIntents.All & ~(long)_gateway.Options.EnabledPrivilegedIntents) != 0)
        {
            await CloseAsync(4014, "Disallowed intent(s)").ConfigureAwait(false);
            return;
        }

        var (shardId, shardCount) = identify["shard"] is JsonArray { Count: 2 } shard ? (shard[0]!.GetValue<int>(), shard[1]!.GetValue<int>()) : (0, 1);
        if (shardCount < 1 || shardId < 0 || shardId >= shardCount)
        {
            await CloseAsync(4010, "Invalid shard").ConfigureAwait(false);
            return;
        }

        var session = _gateway.StartSession(shardId, shardCount, (int)intents, out var refusal);
        if (refusal is 4011)
        {
            await CloseAsync(4011, "Sharding required").ConfigureAwait(false);
            return;
        }

        if (session is null)
        {
            // Identified too fast for max_concurrency, or out of session starts: Discord answers opcode 9.
            await SendOpAsync(9, false).ConfigureAwait(false);
            return;
        }

        Attach(session, resumed: false, after: 0, cancellationToken);
    }

    private async Task ResumeAsync(JsonObject? resume, CancellationToken cancellationToken)
    {
        if (_session is not null)
        {
            await CloseAsync(4005, "Already authenticated").ConfigureAwait(false);
            return;
        }

        if (resume is null || !_gateway.TokenMatches(resume["token"]?.GetValue<string>()))
        {
            await CloseAsync(4004, "Authentication failed").ConfigureAwait(false);
            return;
        }

        var session = _gateway.FindResumable(resume["session_id"]?.GetValue<string>());
        var sequence = resume["seq"] is JsonValue s && s.TryGetValue<long>(out var seq) ? seq : -1;
        if (session is null || sequence < 0)
        {
            await SendOpAsync(9, false).ConfigureAwait(false);
            return;
        }

        if (sequence > session.Sequence)
        {
            await CloseAsync(4007, "Invalid seq").ConfigureAwait(false);
            return;
        }

        if (!session.CanReplayFrom(sequence))
        {
            await SendOpAsync(9, false).ConfigureAwait(false);
            return;
        }

        _gateway.Count(FakeGateway.Counter.Resume);
        session.Append("RESUMED", new JsonObject { ["_trace"] = new JsonArray("fakediscord-gateway") });
        Attach(session, resumed: true, after: sequence, cancellationToken);
    }

    private void Attach(FakeGatewaySession session, bool resumed, long after, CancellationToken cancellationToken)
    {
        _session = session;
        session.Attach(this, resumed)?.Abort();
        _ = Task.Run(() => WriteDispatchesAsync(session, after, cancellationToken), CancellationToken.None);
    }

    /// <summary>Sends the session's dispatches after <paramref name="after"/>, in order, as they come.</summary>
    private async Task WriteDispatchesAsync(FakeGatewaySession session, long after, CancellationToken cancellationToken)
    {
        try
        {
            var cursor = after;
            while (!cancellationToken.IsCancellationRequested)
            {
                var next = session.Next(cursor, out var changed);
                if (next is not { } frame)
                {
                    await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await SendFrameAsync(frame.Frame, frame.At, cancellationToken).ConfigureAwait(false);
                cursor++;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Closes a connection that stopped heartbeating (Discord's zombie handling; the session stays resumable).</summary>
    private async Task WatchdogAsync(CancellationToken cancellationToken)
    {
        var options = _gateway.Options;
        var timeout = options.HeartbeatTimeout ?? options.HeartbeatInterval * 1.5;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var silent = _time.GetElapsedTime(Interlocked.Read(ref _lastHeartbeat));
                if (silent > timeout)
                {
                    _gateway.Count(FakeGateway.Counter.HeartbeatTimeout);
                    await CloseAsync(4000, "Heartbeat timeout").ConfigureAwait(false);
                    return;
                }

                await Task.Delay(timeout - silent + TimeSpan.FromMilliseconds(10), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task SendAsync(JsonObject payload, CancellationToken cancellationToken)
        => SendFrameAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), _time.GetTimestamp(), cancellationToken);

    private async Task SendFrameAsync(byte[] frame, long producedAt, CancellationToken cancellationToken)
    {
        var late = _gateway.Latency - _time.GetElapsedTime(producedAt);
        if (late > TimeSpan.Zero)
        {
            await Task.Delay(late, _time, cancellationToken).ConfigureAwait(false);
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _closing) == 0)
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>One whole message; null when the client closed; false when it is too large.</summary>
    private async Task<bool?> ReceiveAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(1024), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxPayloadBytes)
            {
                return false;
            }

            if (result.EndOfMessage)
            {
                return true;
            }
        }
    }

    /// <summary>Counts a received payload against Discord's 120 per 60 s; false past the limit.</summary>
    private bool CountReceived()
    {
        var now = _time.GetTimestamp();
        while (_received.Count > 0 && _time.GetElapsedTime(_received.Peek(), now) >= SendWindow)
        {
            _received.Dequeue();
        }

        _received.Enqueue(now);
        return _received.Count <= SendLimit;
    }
}
