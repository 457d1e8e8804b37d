namespace MCPilot.Discord;

/// <summary>Discord ids (snowflakes) carry their creation time: helpers to read and make them.</summary>
public static class DiscordSnowflake
{
    /// <summary>The first second of 2015, Discord's epoch, in Unix milliseconds.</summary>
    public const long DiscordEpochMilliseconds = 1_420_070_400_000;

    /// <summary>When the object with <paramref name="id"/> was created.</summary>
    public static DateTimeOffset GetTimestamp(ulong id) => DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + DiscordEpochMilliseconds);

    /// <summary>The smallest snowflake created at <paramref name="time"/>: for "after"/"before" queries by time.</summary>
    public static ulong FromTimestamp(DateTimeOffset time)
    {
        var ms = time.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds;
        return ms <= 0 ? 0 : (ulong)ms << 22;
    }
}
