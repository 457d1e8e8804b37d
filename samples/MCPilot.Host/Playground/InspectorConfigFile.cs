using System.Text.Json;
using System.Text.Json.Nodes;
using MCPilot.Host.Composition;

namespace MCPilot.Host.Playground;

/// <summary>
/// The MCP Inspector's session configuration for the demo entity (<c>npx @modelcontextprotocol/inspector
/// --config {file} --server {name}</c>), written to <c>{data directory}/inspector.json</c> owner-only,
/// since it holds the entity's key.
/// </summary>
internal static class InspectorConfigFile
{
    public const string FileName = "inspector.json";

    /// <summary>The configuration: one Streamable HTTP server named <paramref name="server"/>, with the key as a bearer header.</summary>
    public static JsonObject Content(string server, Uri mcpUrl, string key) => new()
    {
        ["mcpServers"] = new JsonObject
        {
            [server] = new JsonObject
            {
                ["type"] = "streamable-http",
                ["url"] = mcpUrl.ToString(),
                ["headers"] = new JsonObject { ["Authorization"] = "Bearer " + key },
            },
        },
    };

    /// <summary>Writes <paramref name="content"/> (owner-only) to the data directory; returns the file's path.</summary>
    public static string Write(string dataDirectory, JsonObject content)
    {
        var path = Path.Combine(dataDirectory, FileName);
        File.Delete(path); // so that the file is created again with owner-only permissions
        using var stream = OwnerOnlyFile.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        content.WriteTo(writer);
        return path;
    }
}
