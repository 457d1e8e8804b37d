using System.Text.Json;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// The envelope of one received Gateway payload, read without building a DOM: <c>op</c>,
/// <c>s</c>, <c>t</c> and where <c>d</c> starts. Discord sends <c>d</c> last; when the other three
/// came first, <c>d</c> is not even tokenised here (<see cref="DataLength"/> is -1 until measured),
/// so that decoding reads each event once.
/// </summary>
internal readonly record struct GatewayFrame(GatewayOpCode OpCode, long? Sequence, string? Type, int DataStart, int DataLength)
{
    /// <summary>Reads the envelope of a complete UTF-8 JSON message.</summary>
    /// <exception cref="JsonException">The message is not a Gateway payload, or its <c>op</c>, <c>s</c> or <c>t</c> is of the wrong kind.</exception>
    public static GatewayFrame Parse(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A Gateway payload is a JSON object.");
        }

        int? op = null;
        long? seq = null;
        string? type = null;
        bool seenSequence = false, seenType = false;
        int dataStart = 0, dataLength = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8))
            {
                reader.Read();
                op = GatewayJsonValues.Int32(ref reader, "op");
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                reader.Read();
                seq = GatewayJsonValues.NullableInt64(ref reader, "s");
                seenSequence = true;
            }
            else if (reader.ValueTextEquals("t"u8))
            {
                reader.Read();
                type = GatewayJsonValues.NullableString(ref reader, "t");
                seenType = true;
            }
            else if (reader.ValueTextEquals("d"u8))
            {
                reader.Read();
                dataStart = (int)reader.TokenStartIndex;
                if (op is not null && seenSequence && seenType)
                {
                    // Everything else is known: leave d unread.
                    dataLength = -1;
                    break;
                }

                reader.Skip();
                dataLength = (int)reader.BytesConsumed - dataStart;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return op is { } code
            ? new GatewayFrame((GatewayOpCode)code, seq, type, dataStart, dataLength)
            : throw new JsonException("The Gateway payload has no 'op'.");
    }

    /// <summary>The <c>d</c> field's JSON (empty when absent), measured if it was left unread.</summary>
    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> message)
        => message.Slice(DataStart, DataLength >= 0 ? DataLength : MeasureValue(message[DataStart..]));

    /// <summary>The length of the JSON value at the start of <paramref name="json"/>.</summary>
    public static int MeasureValue(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Skip();
        return (int)reader.BytesConsumed;
    }
}
