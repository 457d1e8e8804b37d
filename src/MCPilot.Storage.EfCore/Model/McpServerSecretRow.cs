namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_mcp_server_secrets</c>: one header or environment variable, as a vault envelope.</summary>
internal sealed class McpServerSecretRow
{
    public Guid ServerId { get; set; }

    /// <summary>The vault field: <c>headers.{name}</c> or <c>env.{name}</c>.</summary>
    public string Field { get; set; } = "";

    public string Envelope { get; set; } = "";
}
