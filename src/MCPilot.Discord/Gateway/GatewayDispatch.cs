using System.Text.Json;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// One dispatched Gateway event as received: its name, sequence number and the whole payload,
/// with where its <c>d</c> starts. The extent of <c>d</c> is measured only when someone needs the
/// raw bytes (an unknown event): typed decoding reads <c>d</c> straight from the payload, so each
/// event is tokenised once.
/// </summary>
internal sealed class GatewayDispatch
{
    private readonly ReadOnlyMemory<byte> _message;
    private readonly int _dataStart;
    private int _dataLength;

    /// <summary>A dispatch whose <c>d</c> starts at <paramref name="dataStart"/> of <paramref name="message"/> (length -1: not measured yet).</summary>
    public GatewayDispatch(int shardId, long sequence, string type, ReadOnlyMemory<byte> message, int dataStart, int dataLength, DateTimeOffset receivedAt)
    {
        ShardId = shardId;
        Sequence = sequence;
        Type = type;
        ReceivedAt = receivedAt;
        _message = message;
        _dataStart = dataStart;
        _dataLength = dataLength;
    }

    /// <summary>A dispatch of <paramref name="data"/> alone.</summary>
    public GatewayDispatch(int shardId, long sequence, string type, ReadOnlyMemory<byte> data, DateTimeOffset receivedAt)
        : this(shardId, sequence, type, data, 0, data.Length, receivedAt)
    {
    }

    /// <summary>The shard that received it.</summary>
    public int ShardId { get; }

    /// <summary>Its sequence number within the shard's session.</summary>
    public long Sequence { get; }

    /// <summary>The event name, e.g. <c>MESSAGE_CREATE</c>.</summary>
    public string Type { get; }

    /// <summary>When the shard received it.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The UTF-8 JSON of <c>d</c>.</summary>
    public ReadOnlyMemory<byte> Data
    {
        get
        {
            if (_dataLength < 0)
            {
                _dataLength = GatewayFrame.MeasureValue(_message.Span[_dataStart..]);
            }

            return _message.Slice(_dataStart, _dataLength);
        }
    }

    /// <summary>The payload from the start of <c>d</c> to its end, unmeasured: what is left to pass on when <c>d</c> is not valid JSON.</summary>
    public ReadOnlyMemory<byte> RawTail => _message[_dataStart..];

    /// <summary>A reader positioned before <c>d</c> (it may read on past <c>d</c>'s end: read one value).</summary>
    public Utf8JsonReader DataReader() => new(_message.Span[_dataStart..]);
}
