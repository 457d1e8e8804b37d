using MCPilot.Entities;
using MCPilot.Routing;

namespace MCPilot.Tools;

/// <summary>
/// What an entity tool knows about the entity its caller is connected as. Tools receive it by
/// dependency injection (a constructor or method parameter of this type) inside an entity MCP
/// session; every check here throws <see cref="EntityToolException"/>, which reaches the client as
/// an MCP tool error. Tools that read or write Discord take <c>IEntityDiscord</c> (package
/// MCPilot.Discord) instead: it applies these checks, posts with the entity's identity and records
/// what it sent.
/// </summary>
/// <example>
/// <code>
/// [McpServerToolType]
/// public sealed class DiceTools(IEntityContext entity)
/// {
///     [McpServerTool(Name = "roll", ReadOnly = true), Description("Rolls a die.")]
///     public string Roll(int sides) => $"{entity.Entity.Name} rolled {Random.Shared.Next(1, sides + 1)}";
/// }
/// </code>
/// </example>
public interface IEntityContext
{
    /// <summary>The entity's id.</summary>
    EntityId EntityId { get; }

    /// <summary>The entity as it is now (changes apply to open sessions at once).</summary>
    /// <exception cref="EntityToolException">The entity was deleted.</exception>
    Entity Entity { get; }

    /// <summary>The entity's feed: the channel and thread messages routed to it.</summary>
    IEntityFeed Feed { get; }

    /// <summary>
    /// The entity's direct messages: DMs to the bot routed to it (replies to its DMs, and DMs from
    /// users whose active entity it is), with their own read cursor.
    /// </summary>
    IEntityFeed DirectMessages { get; }

    /// <summary>Refuses a channel (or a thread under <paramref name="parentChannelId"/>) that the entity's policy does not allow.</summary>
    /// <exception cref="EntityToolException">The entity is not in the guild, or its policy denies the channel.</exception>
    void EnsureChannelAllowed(ulong guildId, ulong channelId, ulong? parentChannelId = null);

    /// <summary>Refuses content that the entity's rules block (its blocked phrases).</summary>
    /// <exception cref="EntityToolException">The content contains a blocked phrase.</exception>
    void EnsureContentAllowed(string content);

    /// <summary>
    /// Takes <paramref name="count"/> tokens from the entity's send bucket (messages, DMs and
    /// reactions each take one).
    /// </summary>
    /// <exception cref="EntityToolException">The bucket is empty; the message and <see cref="EntityToolException.RetryAfter"/> say when to retry.</exception>
    void AcquireSend(int count = 1);

    /// <summary>
    /// Announces a message the entity is about to post, so that the router recognises it when
    /// Discord echoes it back (before <see cref="RecordSentAsync"/> knows its id).
    /// </summary>
    void ExpectOwnMessage(ulong channelId, string content);

    /// <summary>
    /// Records a message the entity posted (durably: it survives restarts): its feed will never
    /// receive it back, replies to it count as mentions of the entity (or, in a DM, reach its
    /// <see cref="DirectMessages"/>), and for a guild message the entity's message counter for the
    /// guild goes up.
    /// </summary>
    /// <param name="guildId">The guild, or <see langword="null"/> for a DM.</param>
    /// <param name="channelId">The channel, thread or DM channel.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask RecordSentAsync(ulong? guildId, ulong channelId, ulong messageId, CancellationToken cancellationToken = default);
}
