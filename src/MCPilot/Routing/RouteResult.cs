namespace MCPilot.Routing;

/// <summary>What the router did with one message.</summary>
/// <param name="Delivered">The entities whose feeds received it.</param>
/// <param name="Author">The entity that posted it, if an entity did.</param>
/// <param name="LoopSuppressed">Whether the loop guard kept it from entities.</param>
public sealed record RouteResult(IReadOnlyList<EntityId> Delivered, EntityId? Author, bool LoopSuppressed)
{
    /// <summary>A message delivered to no entity, for no reason of the loop guard (a system message, a DM no entity takes).</summary>
    public static RouteResult NotRouted { get; } = new([], null, LoopSuppressed: false);
}
