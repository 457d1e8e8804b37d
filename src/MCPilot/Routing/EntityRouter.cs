using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using MCPilot.Diagnostics;
using MCPilot.Entities;
using Microsoft.Extensions.Options;

namespace MCPilot.Routing;

/// <summary>
/// Delivers messages seen on Discord to the feeds of the entities whose policy covers the channel
/// (threads follow their parent channel's policy). Candidates come from the directory's channel
/// index, never from a scan of all entities. An entity never receives its own messages; other
/// entities' messages are delivered (so entities can talk), within the loop guard's limits.
/// </summary>
public sealed class EntityRouter
{
    private static readonly Counter<long> Routed = MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.router.messages", "{message}", "Messages the entity router handled.");
    private static readonly Counter<long> Deliveries = MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.router.deliveries", "{delivery}", "Messages delivered to entity feeds.");
    private static readonly Counter<long> Suppressed = MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.router.loop_suppressed", "{message}", "Bot and entity messages the loop guard kept from entities.");

    private readonly EntityDirectory _directory;
    private readonly OwnMessageLedger _ledger;
    private readonly LoopGuard _loopGuard;
    private readonly IOptionsMonitor<EntityOptions> _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<EntityId, EntityFeed> _feeds = new();
    private readonly ConcurrentDictionary<string, Regex> _namePatterns = new(StringComparer.Ordinal);

    internal EntityRouter(EntityDirectory directory, OwnMessageLedger ledger, LoopGuard loopGuard, IOptionsMonitor<EntityOptions> options, TimeProvider time)
    {
        _directory = directory;
        _ledger = ledger;
        _loopGuard = loopGuard;
        _options = options;
        _time = time;
        directory.Removed += id => _feeds.TryRemove(id, out _);
    }

    /// <summary>Routes one message to the feeds of the entities it concerns.</summary>
    public RouteResult Route(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Routed.Add(1);
        var author = _ledger.Attribute(message);
        var byBot = author is not null || message.AuthorIsBot || message.WebhookId is not null;
        var admitted = _loopGuard.Admit(message, byBot);
        if (!admitted)
        {
            Suppressed.Add(1);
            return new RouteResult([], author, LoopSuppressed: true);
        }

        var replyTo = message.ReferencedMessageId is { } referenced ? _ledger.OwnerOf(referenced) : null;
        var folded = message.Content.Length == 0 ? string.Empty : EntityRules.Fold(message.Content);
        List<EntityId>? delivered = null;
        foreach (var entity in _directory.Candidates(message.GuildId, message.PolicyChannelId))
        {
            if (entity.Id == author || !entity.MayUse(message.GuildId, message.ChannelId, message.ParentChannelId))
            {
                continue;
            }

            var mention = Mentions(entity, message, folded, replyTo);
            Feed(entity.Id).Add(message, mention, author);
            (delivered ??= []).Add(entity.Id);
        }

        if (delivered is not null)
        {
            Deliveries.Add(delivered.Count);
        }

        return new RouteResult(delivered ?? (IReadOnlyList<EntityId>)[], author, LoopSuppressed: false);
    }

    /// <summary>The feed of an entity (created empty on first use).</summary>
    public IEntityFeed GetFeed(EntityId entityId) => Feed(entityId);

    internal EntityFeed Feed(EntityId entityId) =>
        _feeds.GetOrAdd(entityId, static (id, state) => new EntityFeed(id, state._options.CurrentValue.FeedCapacity, state._time), this);

    private FeedMentionKind Mentions(Entity entity, InboundMessage message, string foldedContent, EntityId? replyTo)
    {
        var kind = FeedMentionKind.None;
        if (replyTo == entity.Id)
        {
            kind |= FeedMentionKind.Reply;
        }

        if (entity.Membership(message.GuildId)?.MentionRoleId is { } role && message.MentionedRoleIds.Contains(role))
        {
            kind |= FeedMentionKind.Role;
        }

        if (foldedContent.Length > 0 && NamePattern(entity.Name).IsMatch(foldedContent))
        {
            kind |= FeedMentionKind.Name;
        }

        return kind;
    }

    // The name as a whole word (not inside a longer word), case-insensitively, after folding.
    private Regex NamePattern(string name) =>
        _namePatterns.GetOrAdd(name, static n => new Regex(
            $@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(EntityRules.Fold(n))}(?![\p{{L}}\p{{N}}_])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled,
            TimeSpan.FromMilliseconds(100)));
}
