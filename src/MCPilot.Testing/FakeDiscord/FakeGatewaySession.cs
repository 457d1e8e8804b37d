using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// One Gateway session: its sequence, the dispatches it produced (kept for replay on resume) and
/// the connection currently attached. It lives on while disconnected, still collecting the
/// dispatches of its shard, until the resume window passes or it is invalidated.
/// </summary>
internal sealed class FakeGatewaySession : IDisposable
{
    private const int MessageContentIntent = 1 << 15;
    private readonly Lock _gate = new();
    private readonly List<(byte[] Frame, long At)> _frames = [];
    private readonly TimeProvider _time;
    private readonly FakeDiscordSubscription _subscription;
    private readonly ulong _botUserId;
    private readonly int _capacity;
    private long _first = 1;
    private long _last;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeGatewaySession(string id, long ordinal, int shardId, int shardCount, int intents, ulong botUserId, IReadOnlyList<ulong> guildIds, FakeDiscordSubscription subscription, int capacity, TimeProvider time)
    {
        Id = id;
        Ordinal = ordinal;
        ShardId = shardId;
        ShardCount = shardCount;
        Intents = intents;
        GuildIds = guildIds;
        _botUserId = botUserId;
        _subscription = subscription;
        _capacity = Math.Max(1, capacity);
        _time = time;
    }

    public string Id { get; }

    public long Ordinal { get; }

    public int ShardId { get; }

    public int ShardCount { get; }

    public int Intents { get; }

    public IReadOnlyList<ulong> GuildIds { get; }

    public FakeGatewayConnection? Connection { get; private set; }

    public DateTimeOffset? DisconnectedAt { get; private set; }

    public bool Invalidated { get; private set; }

    public int Resumes { get; private set; }

    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Starts taking the shard's dispatches from the state.</summary>
    public Task PumpAsync() => Task.Run(async () =>
    {
        await foreach (var dispatch in _subscription.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (Routes(dispatch))
            {
                Append(dispatch.Name, Transform(dispatch));
            }
        }
    });

    /// <summary>Adds a dispatch with the next sequence number; returns the number.</summary>
    public long Append(string name, JsonNode? data) => Append(name, w =>
    {
        if (data is null)
        {
            w.WriteNullValue();
        }
        else
        {
            data.WriteTo(w);
        }
    });

    /// <summary>Adds a dispatch whose <c>d</c> is <paramref name="rawData"/> as written, valid JSON or not; returns its sequence number.</summary>
    public long AppendRaw(string name, string rawData) => Append(name, w => w.WriteRawValue(rawData, skipInputValidation: true));

    private long Append(string name, Action<Utf8JsonWriter> writeData)
    {
        lock (_gate)
        {
            var sequence = _last + 1;
            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteNumber("op", 0);
                w.WriteNumber("s", sequence);
                w.WriteString("t", name);
                w.WritePropertyName("d");
                writeData(w);
                w.WriteEndObject();
            }

            _frames.Add((buffer.WrittenSpan.ToArray(), _time.GetTimestamp()));
            _last = sequence;
            if (_frames.Count > _capacity)
            {
                _frames.RemoveAt(0);
                _first++;
            }

            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
            return sequence;
        }
    }

    /// <summary>The frame after <paramref name="sequence"/> and when it was produced, or null with a task that completes when one is added.</summary>
    public (byte[] Frame, long At)? Next(long sequence, out Task changed)
    {
        lock (_gate)
        {
            changed = _changed.Task;
            return sequence < _last && sequence + 1 >= _first ? _frames[(int)(sequence + 1 - _first)] : null;
        }
    }

    /// <summary>Whether a resume from <paramref name="sequence"/> can replay everything after it.</summary>
    public bool CanReplayFrom(long sequence)
    {
        lock (_gate)
        {
            return sequence + 1 >= _first && sequence <= _last;
        }
    }

    /// <summary>Attaches a connection; returns the one it replaced, if any.</summary>
    public FakeGatewayConnection? Attach(FakeGatewayConnection connection, bool resumed)
    {
        lock (_gate)
        {
            var previous = Connection;
            Connection = connection;
            DisconnectedAt = null;
            if (resumed)
            {
                Resumes++;
            }

            return previous == connection ? null : previous;
        }
    }

    public void Detach(FakeGatewayConnection connection, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Connection == connection)
            {
                Connection = null;
                DisconnectedAt = now;
            }
        }
    }

    /// <summary>Ends the session: it can no longer be resumed, collects nothing more and drops its replay buffer.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            Invalidated = true;
            _frames.Clear();
            _first = _last + 1;
        }

        _subscription.Dispose();
    }

    public FakeGatewaySessionInfo Info()
    {
        lock (_gate)
        {
            return new FakeGatewaySessionInfo(Id, ShardId, ShardCount, Intents, _last, Connection is not null, Resumes, Invalidated, GuildIds, Ordinal);
        }
    }

    public void Dispose() => _subscription.Dispose();

    /// <summary>Whether the dispatch belongs to this session: its shard (DMs on shard 0) and its intents.</summary>
    private bool Routes(FakeDiscordDispatch dispatch)
    {
        var shard = dispatch.GuildId is { } guild ? (int)((guild >> 22) % (ulong)ShardCount) : 0;
        if (shard != ShardId)
        {
            return false;
        }

        var dm = dispatch.GuildId is null;
        var intent = dispatch.Name switch
        {
            "GUILD_CREATE" or "GUILD_UPDATE" or "GUILD_DELETE" or "GUILD_ROLE_CREATE" or "GUILD_ROLE_UPDATE" or "GUILD_ROLE_DELETE"
                or "CHANNEL_CREATE" or "CHANNEL_UPDATE" or "CHANNEL_DELETE" or "CHANNEL_PINS_UPDATE"
                or "THREAD_CREATE" or "THREAD_UPDATE" or "THREAD_DELETE" or "THREAD_LIST_SYNC" or "THREAD_MEMBER_UPDATE" => 1 << 0,
            "THREAD_MEMBERS_UPDATE" or "GUILD_MEMBER_ADD" or "GUILD_MEMBER_UPDATE" or "GUILD_MEMBER_REMOVE" => 1 << 1,
            "WEBHOOKS_UPDATE" => 1 << 5,
            "MESSAGE_CREATE" or "MESSAGE_UPDATE" or "MESSAGE_DELETE" or "MESSAGE_DELETE_BULK" => dm ? 1 << 12 : 1 << 9,
            "MESSAGE_REACTION_ADD" or "MESSAGE_REACTION_REMOVE" or "MESSAGE_REACTION_REMOVE_ALL" or "MESSAGE_REACTION_REMOVE_EMOJI" => dm ? 1 << 13 : 1 << 10,
            _ => 0,
        };
        return intent == 0 || (Intents & intent) != 0;
    }

    /// <summary>
    /// Without MESSAGE_CONTENT, a guild message's content, embeds, attachments and components are
    /// empty unless it mentions the bot or the bot wrote it, as on Discord.
    /// </summary>
    private JsonNode Transform(FakeDiscordDispatch dispatch)
    {
        if ((Intents & MessageContentIntent) != 0 || dispatch.GuildId is null || dispatch.Name is not ("MESSAGE_CREATE" or "MESSAGE_UPDATE"))
        {
            return dispatch.Payload;
        }

        var bot = _botUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var payload = dispatch.Payload;
        var mentioned = payload["mentions"] is JsonArray mentions && mentions.Any(m => m?["id"]?.GetValue<string>() == bot);
        if (mentioned || payload["author"]?["id"]?.GetValue<string>() == bot)
        {
            return payload;
        }

        var blank = (JsonObject)payload.DeepClone();
        blank["content"] = "";
        blank["embeds"] = new JsonArray();
        blank["attachments"] = new JsonArray();
        blank["components"] = new JsonArray();
        return blank;
    }
}
