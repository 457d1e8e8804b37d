namespace MCPilot.Host.Cli.Views;

/// <summary>What <c>entities delete</c> removed.</summary>
internal sealed record DeletedView(string Id, string Name, bool Deleted);
