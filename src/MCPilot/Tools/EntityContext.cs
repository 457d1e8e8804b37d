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
    private readonly IMessageCounterStore _counters;
    private readonly TimeProvider _time;

    public EntityContext(EntityId entityId, EntityDirectory directory, EntityRouter router, EntitySendLimiters limiters, OwnMessageLedger ledger, IMessageCounterStore counters, TimeProvider time)
    {
        EntityId = entityId;
        _directory = directory;
        _limiters = limiters;
        _ledger = ledger;
        _counters = counters;
        _time = time;
        Feed = router.GetFeed(entityId);
    }

    public EntityId EntityId { get; }

    public Entity Entity => _directory.Get(EntityId)
        ?? throw new EntityToolException(ToolCallOutcome.Denied, "This entity was deleted; its sessions no longer work. Ask the operator for another entity.");

    public IEntityFeed Feed { get; }

    public void EnsureChannelAllowed(ulong guildId, ulong channelId, ulong? parentChannelId = null)
    {
        var entity = Entity;
        if (entity.Membership(guildId) is null)
        {
            throw EntityToolException.Denied(string.Create(CultureInfo.InvariantCulture,
                $"{entity.Name} is not present in server {guildId}. Use list_servers to see the servers it may use."));
        }

        if (!entity.MayUse(guildId, channelId, parentChannelId))
        {
            throw EntityToolException.Denied(parentChannelId is { } parent
                ? string.Create(CultureInfo.InvariantCulture, $"{entity.Name} may not use thread {channelId}: its parent channel {parent} is not allowed by its channel policy. Use list_channels to see the allowed channels.")
                : string.Create(CultureInfo.InvariantCulture, $"{entity.Name} may not use channel {channelId}: its channel policy does not allow it. Use list_channels to see the allowed channels."));
        }
    }

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

    public async ValueTask RecordSentAsync(ulong guildId, ulong channelId, ulong messageId, CancellationToken cancellationToken = default)
    {
        _ledger.Record(EntityId, messageId);
        if (guildId != 0)
        {
            await _counters.IncrementAsync(EntityId, guildId, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime), 1, cancellationToken).ConfigureAwait(false);
        }
    }
}
