namespace MCPilot.Host.Playground.Api;

/// <summary>Why a playground request was refused.</summary>
internal sealed record PlaygroundError(string Error);
