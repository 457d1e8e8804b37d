namespace MCPilot.Discord.Webhooks;

/// <summary>
/// Posts as any identity (name and avatar) through one MCPilot-owned webhook per channel, the
/// way PluralKit proxies: the webhook is found or created on first use and cached (concurrent
/// first posts create one), threads and forum posts go through their parent's webhook with
/// <c>thread_id</c>, a deleted webhook is recreated once, names are made acceptable to
/// Discord, mentions are safe by default and long content is split outside code blocks.
/// </summary>
public interface IWebhookIdentityEngine
{
    /// <summary>
    /// Posts <paramref name="content"/> in <paramref name="channelId"/> (a channel or a thread)
    /// as <paramref name="identity"/>.
    /// </summary>
    /// <exception cref="WebhookIdentityException">The channel cannot take the post (full of webhooks, missing permission, wrong type).</exception>
    /// <exception cref="Rest.DiscordRestException">Discord refused the post.</exception>
    Task<WebhookPostResult> ExecuteAsIdentityAsync(ulong channelId, WebhookIdentity identity, string content, WebhookPostOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="webhookId"/> is a webhook this engine posts through (so its messages are an entity's own).</summary>
    bool IsManagedWebhook(ulong webhookId);

    /// <summary>Forgets the cached webhook of <paramref name="channelId"/> (e.g. on a Gateway WEBHOOKS_UPDATE); the next post looks it up again.</summary>
    void Invalidate(ulong channelId);
}
