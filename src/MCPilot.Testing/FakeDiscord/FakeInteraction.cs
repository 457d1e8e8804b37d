namespace MCPilot.Testing.FakeDiscord;

/// <summary>An interaction a test injected, and how the bot answered it.</summary>
/// <param name="Id">The interaction's id.</param>
/// <param name="Token">Its token.</param>
/// <param name="ChannelId">The channel it came from.</param>
/// <param name="GuildId">The guild, or null in a DM.</param>
/// <param name="UserId">The invoking user.</param>
/// <param name="CommandName">The command invoked.</param>
/// <param name="CreatedAt">When it was created (the 3-second window starts here).</param>
public sealed record FakeInteraction(ulong Id, string Token, ulong ChannelId, ulong? GuildId, ulong UserId, string CommandName, DateTimeOffset CreatedAt)
{
    /// <summary>The callback type the bot answered with (4 reply, 5 deferred, ...), or null while unanswered.</summary>
    public int? ResponseType { get; init; }

    /// <summary>The original response message, once there is one.</summary>
    public ulong? OriginalMessageId { get; init; }

    /// <summary>The follow-up messages.</summary>
    public IReadOnlyList<ulong> FollowupMessageIds { get; init; } = [];
}
