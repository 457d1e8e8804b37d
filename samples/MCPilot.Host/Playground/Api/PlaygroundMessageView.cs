using System.Globalization;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Host.Playground.Api;

/// <summary>A message as the page shows it.</summary>
/// <param name="Id">The message id.</param>
/// <param name="ChannelId">Its channel or thread.</param>
/// <param name="AuthorName">The name shown: a member's display name, or for an entity's webhook message, the entity's name.</param>
/// <param name="AuthorKind"><c>human</c>, <c>entity</c> (a webhook message) or <c>bot</c>.</param>
/// <param name="AvatarUrl">The avatar a webhook message carried.</param>
/// <param name="Content">The text.</param>
/// <param name="Timestamp">When it was sent.</param>
/// <param name="ReplyToId">The message it answers.</param>
/// <param name="Reactions">Emoji and counts.</param>
internal sealed record PlaygroundMessageView(string Id, string ChannelId, string AuthorName, string AuthorKind, string? AvatarUrl, string Content, DateTimeOffset Timestamp, string? ReplyToId, IReadOnlyList<string> Reactions)
{
    public static PlaygroundMessageView From(FakeMessage message, FakeDiscordState state)
    {
        var author = state.GetUser(message.AuthorId);
        var kind = message.WebhookId is not null ? "entity" : author?.Bot == true ? "bot" : "human";
        var name = message.WebhookId is not null ? message.Username ?? "webhook" : author?.GlobalName ?? author?.Username ?? Snowflakes.Text(message.AuthorId);
        return new(
            Snowflakes.Text(message.Id),
            Snowflakes.Text(message.ChannelId),
            name,
            kind,
            message.AvatarUrl,
            message.Content,
            message.Timestamp,
            message.ReplyToId is { } reply ? Snowflakes.Text(reply) : null,
            [.. message.Reactions.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Emoji} {r.UserIds.Count}"))]);
    }
}
