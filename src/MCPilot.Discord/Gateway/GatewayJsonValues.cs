using System.Text.Json;

namespace MCPilot.Discord.Gateway;

/// <summary>
/// Reads the scalar fields of Gateway envelopes (<c>op</c>, <c>s</c>, <c>t</c>, Hello, READY) with
/// <see cref="Utf8JsonReader"/>: a value of the wrong kind (<c>"op": "x"</c>, <c>"s": 1.5</c>)
/// becomes a <see cref="JsonException"/> naming the field, so that a shard treats it as an
/// unreadable payload (a resumable drop) rather than an unexpected failure.
/// </summary>
internal static class GatewayJsonValues
{
    /// <summary>The current token as an <see cref="int"/>.</summary>
    public static int Int32(ref Utf8JsonReader reader, string field)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Invalid(reader, field, "a 32-bit integer");

    /// <summary>The current token as a <see cref="long"/>, or null for JSON null.</summary>
    public static long? NullableInt64(ref Utf8JsonReader reader, string field)
        => reader.TokenType == JsonTokenType.Null ? null
            : reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value
            : throw Invalid(reader, field, "an integer or null");

    /// <summary>The current token as a <see cref="double"/>.</summary>
    public static double Double(ref Utf8JsonReader reader, string field)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw Invalid(reader, field, "a number");

    /// <summary>The current token as a string, or null for JSON null.</summary>
    public static string? NullableString(ref Utf8JsonReader reader, string field)
        => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw Invalid(reader, field, "a string or null"),
        };

    private static JsonException Invalid(Utf8JsonReader reader, string field, string expected)
        => new($"The Gateway payload's '{field}' is {Describe(reader.TokenType)}, not {expected}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number out of range or with a fraction",
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "missing",
    };
}
