namespace MCPilot.Discord.Rest;

/// <summary>
/// Which page of a channel's messages to read: the newest, or those before, after or around a
/// message id (only one of the three), up to <see cref="Limit"/> (1-100). Discord returns them
/// newest first.
/// </summary>
public sealed record MessageQuery
{
    /// <summary>The default and the largest page size.</summary>
    public const int MaxLimit = 100;

    /// <summary>Messages older than this id.</summary>
    public ulong? Before { get; init; }

    /// <summary>Messages newer than this id.</summary>
    public ulong? After { get; init; }

    /// <summary>Messages around this id (it included, when it exists).</summary>
    public ulong? Around { get; init; }

    /// <summary>How many messages (1-100; Discord's default is 50).</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The newest <paramref name="limit"/> messages.</summary>
    public static MessageQuery Latest(int limit = 50) => new() { Limit = limit };

    /// <summary>Up to <paramref name="limit"/> messages older than <paramref name="messageId"/>.</summary>
    public static MessageQuery BeforeMessage(ulong messageId, int limit = 50) => new() { Before = messageId, Limit = limit };

    /// <summary>Up to <paramref name="limit"/> messages newer than <paramref name="messageId"/>.</summary>
    public static MessageQuery AfterMessage(ulong messageId, int limit = 50) => new() { After = messageId, Limit = limit };

    /// <summary>Up to <paramref name="limit"/> messages around <paramref name="messageId"/>.</summary>
    public static MessageQuery AroundMessage(ulong messageId, int limit = 50) => new() { Around = messageId, Limit = limit };
}
