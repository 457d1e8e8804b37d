namespace MCPilot.Host.Playground.Api;

/// <summary>An entity present in the playground server.</summary>
internal sealed record PlaygroundEntityView(string Id, string Name, string? AvatarUrl, string? Description, Uri McpUrl);
