using System.Globalization;
using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>One REST request as a FakeDiscord handler sees it.</summary>
internal sealed class FakeRequest
{
    public required string Method { get; init; }

    /// <summary>The Discord route template, e.g. <c>/channels/{channel_id}/messages</c>.</summary>
    public required string Template { get; init; }

    public required IReadOnlyDictionary<string, string> Route { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public JsonNode? Body { get; init; }

    public JsonObject Object => Body as JsonObject ?? new JsonObject();

    public ulong Id(string name)
    {
        var value = Route[name];
        if (ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        throw FakeDiscordError.InvalidForm(name, "NUMBER_TYPE_COERCE", $"Value \"{value}\" is not snowflake.");
    }

    public ulong? QueryId(string name)
    {
        if (!Query.TryGetValue(name, out var value))
        {
            return null;
        }

        return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw FakeDiscordError.InvalidForm(name, "NUMBER_TYPE_COERCE", $"Value \"{value}\" is not snowflake.");
    }

    public int QueryInt(string name, int fallback, int min, int max)
    {
        if (!Query.TryGetValue(name, out var value))
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            throw FakeDiscordError.InvalidForm(name, "NUMBER_TYPE_COERCE", $"Value \"{value}\" is not int.");
        }

        if (n < min || n > max)
        {
            throw FakeDiscordError.InvalidForm(name, n < min ? "NUMBER_TYPE_MIN" : "NUMBER_TYPE_MAX", $"Int value should be {(n < min ? "greater than or equal to " + min : "less than or equal to " + max)}.");
        }

        return n;
    }

    /// <summary>Discord's boolean query strings: True/true/1, False/false/0.</summary>
    public bool QueryFlag(string name) => Query.TryGetValue(name, out var value) && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    public string? String(string field) => Object[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
