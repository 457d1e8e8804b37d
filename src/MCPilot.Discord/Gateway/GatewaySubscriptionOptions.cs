using System.ComponentModel.DataAnnotations;
using MCPilot.Discord.Gateway.Events;

namespace MCPilot.Discord.Gateway;

/// <summary>How a <see cref="GatewaySubscription"/> receives events.</summary>
public sealed class GatewaySubscriptionOptions
{
    /// <summary>The default of <see cref="Capacity"/>.</summary>
    public const int DefaultCapacity = 1024;

    /// <summary>A name for logs (e.g. the handler's type).</summary>
    public string Name { get; set; } = "subscription";

    /// <summary>
    /// How many events may wait in this subscription's queue. When it is full, the dispatcher
    /// waits for it (back-pressure reaches the shards, which pause reading while heartbeats go on).
    /// Default <see cref="DefaultCapacity"/>.
    /// </summary>
    [Range(1, 10_000_000)]
    public int Capacity { get; set; } = DefaultCapacity;

    /// <summary>Which events to receive; null receives all.</summary>
    public Func<GatewayEvent, bool>? Filter { get; set; }
}
