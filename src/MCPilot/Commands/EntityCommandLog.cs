using Microsoft.Extensions.Logging;

namespace MCPilot.Commands;

/// <summary>Log messages of the entity commands and the provenance reaction.</summary>
internal static partial class EntityCommandLog
{
    [LoggerMessage(1, LogLevel.Information, "/talk: user {UserId} now talks to entity {EntityId} in DMs")]
    public static partial void TalkSet(ILogger logger, ulong userId, EntityId entityId);

    [LoggerMessage(2, LogLevel.Information, "/talk: user {UserId} cleared their DM entity")]
    public static partial void TalkCleared(ILogger logger, ulong userId);

    [LoggerMessage(3, LogLevel.Information, "Provenance: told user {UserId} that entity {EntityId} posted message {MessageId}")]
    public static partial void ProvenanceSent(ILogger logger, ulong userId, EntityId entityId, ulong messageId);

    [LoggerMessage(4, LogLevel.Debug, "Provenance: user {UserId} asked about message {MessageId} past their allowance; ignored")]
    public static partial void ProvenanceLimited(ILogger logger, ulong userId, ulong messageId);

    [LoggerMessage(5, LogLevel.Information, "Provenance: could not DM user {UserId} about message {MessageId} ({Error}); their DMs may be closed")]
    public static partial void ProvenanceDmFailed(ILogger logger, ulong userId, ulong messageId, string error);
}
