using System.ComponentModel;
using System.Globalization;
using System.Text;
using MCPilot.Entities;
using MCPilot.Routing;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// The feed tools: what arrived for the entity since its last read, in its channels (all of it, or
/// only what addresses it) and in its direct messages, and a long poll that waits for the next.
/// </summary>
[McpServerToolType]
internal sealed class EntityFeedTools(IEntityContext context, FeedNames names, IOptionsMonitor<EntityOptions> options)
{
    /// <summary>The most messages one call returns.</summary>
    public const int MaxLimit = 100;

    /// <summary>The default wait of wait_for_messages, in seconds.</summary>
    public const int DefaultWaitSeconds = 30;

    [McpServerTool(Name = "get_mentions", Title = "Get mentions", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Returns the unread messages that address you (your name, your role, or a reply to one of your messages) in your channels, oldest first, and marks them read. Other messages stay unread for wait_for_messages.")]
    public string GetMentions([Description("How many mentions at most, 1 to 100.")] int limit = 25)
    {
        var page = context.Feed.Read(limit: Limit(limit), mentionsOnly: true);
        var text = new StringBuilder();
        FeedText.Append(text, "Mentions, oldest first:", "No unread mentions.", page, names, context.EntityId);
        More(text, context.Feed.UnreadMentionCount, "mentions", "get_mentions");
        return text.ToString();
    }

    [McpServerTool(Name = "wait_for_messages", Title = "Wait for messages", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Returns the new messages in your channels and your new direct messages since your last read, marking them read; when there are none yet, waits up to timeout_seconds for the next (a long poll). Call it in a loop to follow the conversation; 0 returns at once.")]
    public async Task<string> WaitForMessages(
        [Description("How long to wait for a message when none is waiting, in seconds (0 returns at once).")] int timeout_seconds = DefaultWaitSeconds,
        [Description("Only messages that address you (and direct messages).")] bool mentions_only = false,
        [Description("How many channel messages at most, 1 to 100.")] int limit = 50,
        CancellationToken cancellationToken = default)
    {
        var max = options.CurrentValue.MaxWait;
        if (timeout_seconds < 0 || timeout_seconds > max.TotalSeconds)
        {
            throw EntityToolException.InvalidArguments(string.Create(CultureInfo.InvariantCulture, $"'timeout_seconds' must be from 0 to {(int)max.TotalSeconds} (got {timeout_seconds})."));
        }

        var count = Limit(limit);
        var feed = context.Feed;
        var dms = context.DirectMessages;
        var waited = false;
        if (timeout_seconds > 0 && (mentions_only ? feed.UnreadMentionCount : feed.UnreadCount) == 0 && dms.UnreadCount == 0)
        {
            waited = true;
            await WaitForEitherAsync(feed, dms, TimeSpan.FromSeconds(timeout_seconds), mentions_only, cancellationToken).ConfigureAwait(false);
        }

        var page = feed.Read(limit: count, mentionsOnly: mentions_only);
        var direct = dms.Read(limit: count);
        if (page.Messages.Count == 0 && direct.Messages.Count == 0)
        {
            return waited
                ? string.Create(CultureInfo.InvariantCulture, $"No new messages in {timeout_seconds} s. Call wait_for_messages again to keep listening.")
                : "No new messages.";
        }

        var text = new StringBuilder();
        FeedText.Append(text, mentions_only ? "New messages addressing you, oldest first:" : "New messages in your channels, oldest first:", mentions_only ? "No new mentions." : "No new channel messages.", page, names, context.EntityId);
        More(text, mentions_only ? feed.UnreadMentionCount : feed.UnreadCount, "channel messages", "wait_for_messages");
        if (direct.Messages.Count > 0)
        {
            FeedText.Append(text, "New direct messages (answer with send_dm):", string.Empty, direct, names, context.EntityId);
            More(text, dms.UnreadCount, "direct messages", "read_dms");
        }

        return text.ToString();
    }

    [McpServerTool(Name = "read_dms", Title = "Read direct messages", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Returns the direct messages routed to you (replies to your DMs, and DMs from members who chose you with /talk), oldest first. By default only the unread ones, which it marks read. Answer with send_dm.")]
    public string ReadDms(
        [Description("How many messages at most, 1 to 100.")] int limit = 25,
        [Description("Also show the ones already read (that this host still holds).")] bool include_read = false)
    {
        var dms = context.DirectMessages;
        var page = dms.Read(afterSequence: include_read ? 0 : null, limit: Limit(limit));
        var text = new StringBuilder();
        FeedText.Append(text, "Direct messages, oldest first (answer with send_dm):", include_read ? "No direct messages." : "No unread direct messages.", page, names, context.EntityId);
        More(text, dms.UnreadCount, "direct messages", "read_dms");
        return text.ToString();
    }

    private static int Limit(int limit) => ToolArguments.Count(limit, "limit", MaxLimit);

    private static void More(StringBuilder text, int unread, string what, string tool)
    {
        if (unread > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{unread} more unread {what}: call {tool} again.").AppendLine();
        }
    }

    private static async Task WaitForEitherAsync(IEntityFeed feed, IEntityFeed dms, TimeSpan timeout, bool mentionsOnly, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channelWait = feed.WaitAsync(timeout, mentionsOnly, done.Token).AsTask();
        var dmWait = dms.WaitAsync(timeout, cancellationToken: done.Token).AsTask();
        await Task.WhenAny(channelWait, dmWait).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(channelWait, dmWait).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The other wait was stopped because one of them ended.
        }
    }
}
