using MCPilot.Entities;

namespace MCPilot.Host.Playground;

/// <summary>The playground's demo entity and its API key, ready for an MCP client.</summary>
internal sealed record PlaygroundDemo(Entity Entity, string Key)
{
    /// <summary>Names the demo without its key.</summary>
    public override string ToString() => $"PlaygroundDemo({Entity.Name} {Entity.Id}, key hidden)";
}
