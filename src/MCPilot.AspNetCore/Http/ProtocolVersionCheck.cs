using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;

namespace MCPilot.AspNetCore.Http;

/// <summary>
/// Which protocol revisions the endpoints speak: every revision with the <c>initialize</c> handshake
/// (2024-11-05 to 2025-11-25). A client of a later, session-less revision (2026-07-28, which starts
/// with <c>server/discover</c>) is answered with SEP-2575's <c>-32022 UnsupportedProtocolVersion</c>
/// listing the supported revisions, which is the signal for a dual-path client to fall back to
/// <c>initialize</c>. Entities keep state per session (feeds, notifications), which that revision removes.
/// </summary>
internal static class ProtocolVersionCheck
{
    /// <summary>The header that carries the session id.</summary>
    public const string SessionIdHeader = "Mcp-Session-Id";

    /// <summary>The header that carries the negotiated protocol version.</summary>
    public const string ProtocolVersionHeader = "MCP-Protocol-Version";

    /// <summary>The first session-less revision, which clients try with <c>server/discover</c>.</summary>
    public const string SessionlessRevision = "2026-07-28";

    /// <summary>The revisions served.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"];

    /// <summary>Refuses an unsupported MCP-Protocol-Version header or a <c>server/discover</c> request; returns whether it wrote a refusal.</summary>
    public static async Task<bool> RefuseUnsupportedAsync(HttpContext context, JsonRpcMessage? message)
    {
        var header = context.Request.Headers[ProtocolVersionHeader].ToString();
        var discover = message is JsonRpcRequest { Method: RequestMethods.ServerDiscover };
        if ((header.Length == 0 || Supported.Contains(header)) && !discover)
        {
            return false;
        }

        var requested = header.Length > 0 ? header : SessionlessRevision;
        var data = new JsonObject
        {
            ["supported"] = new JsonArray([.. Supported.Select(v => (JsonNode)JsonValue.Create(v))]),
            ["requested"] = requested.Length > 40 ? requested[..40] : requested,
        };
        await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, JsonRpcHttp.UnsupportedProtocolVersion,
            $"Unsupported protocol version '{data["requested"]}': this server speaks {string.Join(", ", Supported)} with the initialize handshake. Start the session with initialize.",
            (message as JsonRpcRequest)?.Id ?? default, data).ConfigureAwait(false);
        return true;
    }
}
