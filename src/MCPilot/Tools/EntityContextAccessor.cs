namespace MCPilot.Tools;

/// <summary>
/// Holds the entity context of the current MCP request (a scoped service): the entity server's
/// filters set it before a tool or prompt runs, and <see cref="IEntityContext"/> resolves from it.
/// </summary>
internal sealed class EntityContextAccessor
{
    public IEntityContext? Current { get; set; }

    public IEntityContext Require() => Current
        ?? throw new InvalidOperationException("IEntityContext is only available inside an entity MCP request (a tool, prompt or resource of /mcp/{entityId}).");
}
