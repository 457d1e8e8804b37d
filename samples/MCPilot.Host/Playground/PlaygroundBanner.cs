using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MCPilot.Host.Composition;

namespace MCPilot.Host.Playground;

/// <summary>
/// What the playground prints once it listens: the page, the demo entity's MCP URL and key, and
/// client configurations to paste (Claude Code, Claude Desktop, the MCP Inspector).
/// </summary>
internal static class PlaygroundBanner
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The banner; <paramref name="inspectorConfigPath"/> is the Inspector's configuration file (see <see cref="InspectorConfigFile"/>), when it could be written.</summary>
    public static string Render(Uri hostUrl, PlaygroundDemo demo, EntityUrls urls, PlaygroundDiscord discord, string? inspectorConfigPath)
    {
        var mcpUrl = urls.McpUrl(demo.Entity.Id);
        var url = mcpUrl.ToString();
        var header = "Authorization: Bearer " + demo.Key;
        var server = ServerName(demo.Entity.Name);
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("MCPilot playground is ready. No Discord token is configured, so FakeDiscord runs inside the host");
        text.AppendLine($"with the server \"{discord.Demo.Guild.Name}\" (#general, #random, a thread, a forum) and the members Alice and Bob.");
        text.AppendLine();
        text.AppendLine($"  Page      {hostUrl}   (the channels, live; post as Alice or Bob)");
        text.AppendLine($"  Entity    {demo.Entity.Name} ({demo.Entity.Id})");
        text.AppendLine($"  MCP URL   {url}   (Streamable HTTP; older clients: {urls.SseUrl(demo.Entity.Id)})");
        text.AppendLine($"  API key   {demo.Key}");
        text.AppendLine($"            send it as the header  {header}");
        text.AppendLine();
        text.AppendLine("Claude Code:");
        text.AppendLine($"  claude mcp add --transport http {server} {url} --header \"{header}\"");
        text.AppendLine();
        text.AppendLine("Claude Code, project file .mcp.json:");
        text.AppendLine(Indent(Json(new JsonObject
        {
            ["mcpServers"] = new JsonObject { [server] = new JsonObject { ["type"] = "http", ["url"] = url, ["headers"] = new JsonObject { ["Authorization"] = "Bearer " + demo.Key } } },
        })));
        text.AppendLine();
        text.AppendLine("Claude Desktop, claude_desktop_config.json (through the mcp-remote bridge; needs Node.js):");
        text.AppendLine(Indent(Json(new JsonObject
        {
            ["mcpServers"] = new JsonObject
            {
                [server] = new JsonObject
                {
                    ["command"] = "npx",
                    ["args"] = new JsonArray("-y", "mcp-remote", url, "--header", "Authorization:${MCPILOT_AUTH}"),
                    ["env"] = new JsonObject { ["MCPILOT_AUTH"] = "Bearer " + demo.Key },
                },
            },
        })));
        text.AppendLine();
        if (inspectorConfigPath is not null)
        {
            var config = ShellWord(inspectorConfigPath);
            text.AppendLine($"MCP Inspector, with its configuration file {inspectorConfigPath} (owner-only; it holds the key):");
            text.AppendLine(Indent(Json(InspectorConfigFile.Content(server, mcpUrl, demo.Key))));
            text.AppendLine($"  npx @modelcontextprotocol/inspector --config {config} --server {server}");
            text.AppendLine("or from the command line (lists the tools), with the file or without it:");
            text.AppendLine($"  npx @modelcontextprotocol/inspector --cli --config {config} --server {server} --method tools/list");
        }
        else
        {
            text.AppendLine("MCP Inspector (list the tools from the command line; or run `npx @modelcontextprotocol/inspector`,");
            text.AppendLine("choose Streamable HTTP, and give the URL and header above):");
        }

        text.AppendLine($"  npx @modelcontextprotocol/inspector --cli {url} --transport http --header \"{header}\" --method tools/list");
        text.AppendLine();
        text.AppendLine("The key stays valid across restarts (kept in playground.json in the data directory).");
        text.AppendLine("Manage entities and keys with: ./build/run.sh entities list   (see ./build/run.sh --help)");
        text.AppendLine();
        return text.ToString();
    }

    /// <summary>A client-side server name: the entity's name in lower case, letters and digits joined by '-'.</summary>
    public static string ServerName(string entityName)
    {
        var slug = new StringBuilder("mcpilot-");
        foreach (var c in entityName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    /// <summary>A path as one shell word: as it is when that is safe, else in double quotes.</summary>
    public static string ShellWord(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or ':' or '+' or ',')
            ? path
            : "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "\"";

    private static string Json(JsonObject value) => value.ToJsonString(Indented);

    private static string Indent(string text) => "  " + text.ReplaceLineEndings(Environment.NewLine + "  ");
}
