using System.Text.Json;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// The envelope of one received Gateway payload, read in one pass without building a DOM:
/// <c>op</c>, <c>s</c>, <c>t</c> and the byte range of <c>d</c> within the message.
/// </summary>
internal readonly record struct GatewayFrame(GatewayOpCode OpCode, long? Sequence, string? Type, int DataStart, int DataLength)
{
    /// <summary>Reads the envelope of a complete UTF-8 JSON message.</summary>
    /// <exception cref="JsonException">The message is not a Gateway payload.</exception>
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
        int dataStart = 0, dataLength = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8))
            {
                reader.Read();
                op = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                reader.Read();
                seq = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            }
            else if (reader.ValueTextEquals("t"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            }
            else if (reader.ValueTextEquals("d"u8))
            {
                reader.Read();
                dataStart = (int)reader.TokenStartIndex;
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

    /// <summary>The <c>d</c> field's JSON (empty when absent).</summary>
    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> message) => message.Slice(DataStart, DataLength);
}
