using MCPilot.Discord.Models;

namespace MCPilot.Discord.Webhooks;

/// <summary>What a post as an identity produced.</summary>
/// <param name="Messages">The messages posted, in order (several when the content was split).</param>
/// <param name="WebhookId">The webhook that posted them.</param>
/// <param name="ChannelId">The channel the webhook belongs to (a thread's parent).</param>
/// <param name="ThreadId">The thread posted into, or null.</param>
public sealed record WebhookPostResult(IReadOnlyList<Message> Messages, ulong WebhookId, ulong ChannelId, ulong? ThreadId);
