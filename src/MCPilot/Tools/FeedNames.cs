namespace MCPilot.Tools;

/// <summary>Names of channels and entities that can be shown without a request (null when unknown).</summary>
/// <param name="Channel">A channel's or thread's name.</param>
/// <param name="Entity">An entity's name.</param>
internal sealed record FeedNames(Func<ulong, string?> Channel, Func<EntityId, string?> Entity);
