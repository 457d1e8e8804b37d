using System.Globalization;
using MCPilot.Activity;
using MCPilot.Entities;
using MCPilot.Routing;

namespace MCPilot.Tools;

/// <summary>The entity context of one MCP session: checks against the entity's current policy, limits and rules.</summary>
internal sealed class EntityContext : IEntityContext
{
    private readonly EntityDirectory _directory;
    private readonly EntitySendLimiters _limiters;
    private readonly OwnMessageLedger _ledger;
    private readonly TimeProvider _time;

    public EntityContext(EntityId entityId, EntityDirectory directory, EntityRouter router, EntitySendLimiters limiters, OwnMessageLedger ledger, TimeProvider time)
    {
        EntityId = entityId;
        _directory = directory;
        _limiters = limiters;
        _ledger = ledger;
        _time = time;
        Feed = router.GetFeed(entityId);
        DirectMessages = router.GetDirectMessages(entityId);
    }

    public EntityId EntityId { get; }

    public Entity Entity => _directory.Get(EntityId)
        ?? throw new EntityToolException(ToolCallOutcome.Denied, "This entity was deleted; its sessions no longer work. Ask the operator for another entity.");

    public IEntityFeed Feed { get; }

    public IEntityFeed DirectMessages { get; }

    public void EnsureChannelAllowed(ulong guildId, ulong channelId, ulong? parentChannelId = null)
    {
        var entity = Entity;
        if (entity.Membership(guildId) is null)
        {
            throw NotAvailable(entity, channelId);
        }

        if (!entity.MayUse(guildId, channelId, parentChannelId))
        {
            throw EntityToolException.Denied(parentChannelId is { } parent
                ? string.Create(CultureInfo.InvariantCulture, $"{entity.Name} may not use thread {channelId}: its parent channel {parent} is not allowed by its channel policy. Use list_channels to see the allowed channels.")
                : string.Create(CultureInfo.InvariantCulture, $"{entity.Name} may not use channel {channelId}: its channel policy does not allow it. Use list_channels to see the allowed channels."));
        }
    }

    /// <summary>
    /// The refusal of a channel that is not in one of the entity's servers, or does not exist: one
    /// message for both, so that an entity learns nothing about channels outside its reach.
    /// </summary>
    public static EntityToolException NotAvailable(Entity entity, ulong channelId) => EntityToolException.Denied(string.Create(CultureInfo.InvariantCulture,
        $"{entity.Name} may not use channel {channelId}: it is not a channel of {entity.Name}'s servers, or it does not exist. Use list_channels to see the channels {entity.Name} may use."));

    public void EnsureContentAllowed(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var entity = Entity;
        if (entity.BlockedPhrases.Count == 0)
        {
            return;
        }

        var folded = EntityRules.Fold(content);
        foreach (var phrase in entity.BlockedPhrases)
        {
            if (folded.Contains(EntityRules.Fold(phrase), StringComparison.Ordinal))
            {
                throw EntityToolException.Denied($"The message contains \"{phrase}\", which {entity.Name}'s rules block. Rephrase it without that phrase.");
            }
        }
    }

    public void AcquireSend(int count = 1) => _limiters.Acquire(Entity, count);

    public void ExpectOwnMessage(ulong channelId, string content) => _ledger.Expect(EntityId, channelId, content);

    public ValueTask RecordSentAsync(ulong? guildId, ulong channelId, ulong messageId, CancellationToken cancellationToken = default) =>
        _ledger.RecordAsync(new SentMessage(messageId, EntityId, guildId, channelId, _time.GetUtcNow()));
}
