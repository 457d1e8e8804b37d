namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_dm_routes</c>: a user's active DM entity.</summary>
internal sealed class DmRouteRow
{
    public long UserId { get; set; }

    public Guid EntityId { get; set; }
}
