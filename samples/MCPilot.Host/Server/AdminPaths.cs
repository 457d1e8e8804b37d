namespace MCPilot.Host.Server;

/// <summary>The running host's admin endpoints, for the operator CLI on the same machine.</summary>
internal static class AdminPaths
{
    public const string Prefix = "/mcpilot/admin";

    public const string Status = Prefix + "/status";

    public const string RefreshEntityPattern = Prefix + "/entities/{entityId}/refresh";

    public static string RefreshEntity(EntityId id) => $"{Prefix}/entities/{id}/refresh";
}
