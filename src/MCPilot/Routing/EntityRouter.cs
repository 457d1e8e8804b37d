using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MCPilot.Diagnostics;
using MCPilot.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Routing;

/// <summary>
/// Delivers messages seen on Discord to the feeds of the entities whose policy covers the channel
/// (threads follow their parent channel's policy). Candidates come from the directory's channel
/// index, never from a scan of all entities. An entity never receives its own messages; other
/// entities' messages are delivered (so entities can talk), within the loop guard's limits. A
/// direct message to the bot goes to one entity's DMs: the entity whose DM it replies to, else the
/// sender's active entity (<c>/talk</c>, <see cref="IDmRouteStore"/>); DMs from bots go nowhere.
/// </summary>
public sealed partial class EntityRouter
{
    private static readonly Counter<long> Routed = MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.router.messages", "{message}", "Messages the entity router handled.");
    private static readonly Counter<long> Deliveries = MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.router.deliveries", "{delivery}", "Messages delivered to entity feeds.");
    private static readonly Counter<long> Suppressed = MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.router.loop_suppressed", "{message}", "Bot and entity messages the loop guard kept from entities.");
    private static readonly Counter<long> Unrouted = MCPilotDiagnostics.Meter.CreateCounter<long>("mcpilot.router.dms_unrouted", "{message}", "Direct messages that no entity's DMs received (no reply to an entity, no active entity).");

    private readonly EntityDirectory _directory;
    private readonly OwnMessageLedger _ledger;
    private readonly LoopGuard _loopGuard;
    private readonly IDmRouteStore _dmRoutes;
    private readonly IOptionsMonitor<EntityOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<EntityFeed>? _feedChanged;
    private readonly Task _feedsReady;
    private readonly ConcurrentDictionary<EntityId, EntityFeed> _feeds = new();
    private readonly ConcurrentDictionary<EntityId, EntityFeed> _directFeeds = new();
    private readonly ConcurrentDictionary<string, string> _foldedNames = new(StringComparer.Ordinal);

    internal EntityRouter(EntityDirectory directory, OwnMessageLedger ledger, LoopGuard loopGuard, IDmRouteStore dmRoutes, IOptionsMonitor<EntityOptions> options, TimeProvider time, ILogger<EntityRouter> logger, FeedWriter writer)
    {
        _directory = directory;
        _ledger = ledger;
        _loopGuard = loopGuard;
        _dmRoutes = dmRoutes;
        _options = options;
        _time = time;
        _logger = logger;
        _feedChanged = writer.Enabled ? writer.Changed : null;
        _feedsReady = writer.Ready;
        directory.Removed += id =>
        {
            _feeds.TryRemove(id, out _);
            _directFeeds.TryRemove(id, out _);
            writer.Forget(id);
        };
    }

    /// <summary>
    /// Routes one message: a guild message to the feeds of the entities whose policy covers its
    /// channel, a direct message to one entity's DMs. With feed persistence on, it first waits until
    /// the stored feeds are back (only at start).
    /// </summary>
    public ValueTask<RouteResult> RouteAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Routed.Add(1);
        return _feedsReady.IsCompleted ? Dispatch(message, cancellationToken) : RouteWhenFeedsReadyAsync(message, cancellationToken);
    }

    /// <summary>
    /// Whether routing is open: always, unless feeds persist and the stored feeds are not back yet
    /// (messages routed until then wait). Readiness reports not-ready until it is.
    /// </summary>
    public bool FeedsReady => _feedsReady.IsCompleted;

    /// <summary>The feed of an entity (created empty on first use).</summary>
    public IEntityFeed GetFeed(EntityId entityId) => Feed(entityId);

    /// <summary>The direct messages routed to an entity (created empty on first use).</summary>
    public IEntityFeed GetDirectMessages(EntityId entityId) => DirectFeed(entityId);

    internal EntityFeed Feed(EntityId entityId) =>
        _feeds.GetOrAdd(entityId, static (id, router) => router.NewFeed(id, FeedKind.Channels), this);

    internal EntityFeed DirectFeed(EntityId entityId) =>
        _directFeeds.GetOrAdd(entityId, static (id, router) => router.NewFeed(id, FeedKind.DirectMessages), this);

    private EntityFeed NewFeed(EntityId entityId, FeedKind kind) =>
        new(entityId, _options.CurrentValue.FeedCapacity, _time, kind, _feedChanged);

    private async ValueTask<RouteResult> RouteWhenFeedsReadyAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await _feedsReady.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await Dispatch(message, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<RouteResult> Dispatch(InboundMessage message, CancellationToken cancellationToken) =>
        message.GuildId is { } guildId
            ? RouteGuildMessageAsync(message, guildId, cancellationToken)
            : RouteDirectMessageAsync(message, cancellationToken);

    private async ValueTask<RouteResult> RouteGuildMessageAsync(InboundMessage message, ulong guildId, CancellationToken cancellationToken)
    {
        var author = await _ledger.AttributeAsync(message, cancellationToken).ConfigureAwait(false);
        var byBot = author is not null || message.AuthorIsBot || message.WebhookId is not null;
        var admitted = _loopGuard.Admit(message, byBot);
        if (!admitted)
        {
            Suppressed.Add(1);
            return new RouteResult([], author, LoopSuppressed: true);
        }

        var replyTo = message.ReferencedMessageId is { } referenced ? await _ledger.OwnerOfAsync(referenced, cancellationToken).ConfigureAwait(false) : null;
        var folded = message.Content.Length == 0 ? string.Empty : EntityRules.Fold(message.Content);
        List<EntityId>? delivered = null;
        foreach (var entity in _directory.Candidates(guildId, message.PolicyChannelId))
        {
            if (entity.Id == author || !entity.MayUse(guildId, message.ChannelId, message.ParentChannelId))
            {
                continue;
            }

            var mention = Mentions(entity, message, guildId, folded, replyTo);
            Feed(entity.Id).Add(message, mention, author);
            (delivered ??= []).Add(entity.Id);
        }

        if (delivered is not null)
        {
            Deliveries.Add(delivered.Count);
        }

        return new RouteResult(delivered ?? (IReadOnlyList<EntityId>)[], author, LoopSuppressed: false);
    }

    private async ValueTask<RouteResult> RouteDirectMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (message.AuthorIsBot || message.WebhookId is not null)
        {
            // The bot's own DMs (entities' send_dm) and other bots' DMs reach no entity.
            return RouteResult.NotRouted;
        }

        var target = message.ReferencedMessageId is { } referenced ? await _ledger.OwnerOfAsync(referenced, cancellationToken).ConfigureAwait(false) : null;
        if (target is null)
        {
            try
            {
                target = await _dmRoutes.GetActiveEntityAsync(message.AuthorId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDmRouteFailed(_logger, message.MessageId, e);
            }
        }

        if (target is not { } entityId || _directory.Get(entityId) is null)
        {
            Unrouted.Add(1);
            LogDmUnrouted(_logger, message.MessageId, message.AuthorId);
            return RouteResult.NotRouted;
        }

        DirectFeed(entityId).Add(message, FeedMentionKind.Direct, null);
        Deliveries.Add(1);
        return new RouteResult([entityId], null, LoopSuppressed: false);
    }

    private FeedMentionKind Mentions(Entity entity, InboundMessage message, ulong guildId, string foldedContent, EntityId? replyTo)
    {
        var kind = FeedMentionKind.None;
        if (replyTo == entity.Id)
        {
            kind |= FeedMentionKind.Reply;
        }

        if (entity.Membership(guildId)?.MentionRoleId is { } role && message.MentionedRoleIds.Contains(role))
        {
            kind |= FeedMentionKind.Role;
        }

        if (foldedContent.Length > 0 && ContainsWord(foldedContent, FoldedName(entity.Name)))
        {
            kind |= FeedMentionKind.Name;
        }

        return kind;
    }

    /// <summary>
    /// Whether <paramref name="word"/> occurs in <paramref name="text"/> as a whole word: not inside a
    /// longer word (no letter, digit or underscore right before or after it). Both are folded.
    /// Linear, with no regular expression (so no timeout can drop a message on a busy machine).
    /// </summary>
    internal static bool ContainsWord(string text, string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c) || c == '_';

    private string FoldedName(string name) => _foldedNames.GetOrAdd(name, EntityRules.Fold);

    [LoggerMessage(1, LogLevel.Debug, "Direct message {MessageId} from user {UserId} reached no entity: it replies to no entity's DM and the user has no active entity (/talk).")]
    private static partial void LogDmUnrouted(ILogger logger, ulong messageId, ulong userId);

    [LoggerMessage(2, LogLevel.Warning, "Could not look up the active entity for direct message {MessageId}.")]
    private static partial void LogDmRouteFailed(ILogger logger, ulong messageId, Exception exception);
}
