using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MCPilot.Discord.Serialization;

/// <summary>
/// Snowflakes (and permission bitfields) are <see cref="ulong"/> in C# and decimal strings on
/// the wire, because JSON numbers lose precision above 2^53 in most clients. Reading also
/// accepts a JSON number, which some Discord payloads (and hand-written tests) use.
/// </summary>
public sealed class SnowflakeJsonConverter : JsonConverter<ulong>
{
    /// <inheritdoc />
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetUInt64();
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a snowflake string, found {reader.TokenType}.");
        }

        ReadOnlySpan<byte> span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (!Utf8Parser.TryParse(span, out ulong value, out var consumed) || consumed != span.Length)
        {
            throw new JsonException($"'{reader.GetString()}' is not a snowflake (a decimal number of up to 20 digits).");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <inheritdoc />
    public override ulong ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Read(ref reader, typeToConvert, options);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
