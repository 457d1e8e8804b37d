namespace MCPilot.Host.Playground.Api;

/// <summary>A human member the page can post as.</summary>
internal sealed record PlaygroundMemberView(string Id, string Name);
