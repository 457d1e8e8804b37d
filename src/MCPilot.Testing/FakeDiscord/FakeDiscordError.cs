using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>A Discord error FakeDiscord answers with: status, JSON code, message and field errors.</summary>
internal sealed class FakeDiscordError(int status, int code, string message, JsonObject? errors = null) : Exception(message)
{
    public int Status { get; } = status;

    public int Code { get; } = code;

    public JsonObject? Errors { get; } = errors;

    public JsonObject ToJson()
    {
        var body = new JsonObject { ["code"] = Code, ["message"] = Message };
        if (Errors is not null)
        {
            body["errors"] = Errors.DeepClone();
        }

        return body;
    }

    public static FakeDiscordError NotFound(int code, string what) => new(404, code, "Unknown " + what);

    public static FakeDiscordError MissingAccess() => new(403, 50001, "Missing Access");

    public static FakeDiscordError MissingPermissions() => new(403, 50013, "Missing Permissions");

    /// <summary>400 Invalid Form Body with one field error at a dotted <paramref name="path"/> (e.g. <c>embeds.0.title</c>).</summary>
    public static FakeDiscordError InvalidForm(string path, string code, string message)
    {
        var leaf = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) };
        JsonObject node = leaf;
        foreach (var part in path.Split('.').Reverse())
        {
            node = new JsonObject { [part] = node };
        }

        return new FakeDiscordError(400, 50035, "Invalid Form Body", node);
    }
}
