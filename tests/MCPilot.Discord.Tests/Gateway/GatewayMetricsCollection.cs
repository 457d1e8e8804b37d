namespace MCPilot.Discord.Tests.Gateway;

/// <summary>
/// Tests that read the Gateway's instruments, which are static on MCPilot's one meter: they run
/// alone, so that every measurement they see is their own client's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GatewayMetricsCollection
{
    public const string Name = "Gateway metrics";
}
