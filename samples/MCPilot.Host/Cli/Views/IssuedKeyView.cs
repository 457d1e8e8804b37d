namespace MCPilot.Host.Cli.Views;

/// <summary>A new key, shown once: the key itself, where it works and how to send it.</summary>
internal sealed record IssuedKeyView(string EntityId, string EntityName, string Key, Uri McpUrl, KeyView Credential)
{
    /// <summary>Names the key without the secret.</summary>
    public override string ToString() => $"IssuedKeyView({Credential.LookupId} for {EntityName}, secret hidden)";
}
