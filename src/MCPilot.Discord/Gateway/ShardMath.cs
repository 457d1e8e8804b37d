namespace MCPilot.Discord.Gateway;

/// <summary>Discord's sharding formulas (events/gateway#sharding).</summary>
public static class ShardMath
{
    /// <summary>The shard a guild's events arrive on: <c>(guild_id &gt;&gt; 22) % shard_count</c>. DMs arrive on shard 0.</summary>
    public static int ShardFor(ulong? guildId, int shardCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        return guildId is { } id ? (int)((id >> 22) % (ulong)shardCount) : 0;
    }

    /// <summary>The identify rate-limit key of a shard: <c>shard_id % max_concurrency</c>.</summary>
    public static int RateLimitKey(int shardId, int maxConcurrency) => shardId % Math.Max(1, maxConcurrency);
}
