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
/// <param name="DmUserId">For a direct message, the member whose DM channel with the bot it is in.</param>
internal sealed record PlaygroundMessageView(string Id, string ChannelId, string AuthorName, string AuthorKind, string? AvatarUrl, string Content, DateTimeOffset Timestamp, string? ReplyToId, IReadOnlyList<string> Reactions, string? DmUserId)
{
    public static PlaygroundMessageView From(FakeMessage message, FakeDiscordState state)
    {
        var author = state.GetUser(message.AuthorId);

        // An entity's DM is the bot's message with the entity as its embed's author.
        var entityEmbed = message.WebhookId is null && author?.Bot == true && message.Embeds.FirstOrDefault()?["author"]?["name"] is { } embedAuthor ? message.Embeds[0] : null;
        var kind = message.WebhookId is not null || entityEmbed is not null ? "entity" : author?.Bot == true ? "bot" : "human";
        var name = message.WebhookId is not null ? message.Username ?? "webhook"
            : entityEmbed is not null ? (string?)entityEmbed["author"]!["name"] ?? "entity"
            : author?.GlobalName ?? author?.Username ?? Snowflakes.Text(message.AuthorId);
        var content = entityEmbed is not null && string.IsNullOrEmpty(message.Content) ? (string?)entityEmbed["description"] ?? "" : message.Content;
        var dmUser = message.GuildId is null && state.GetChannel(message.ChannelId)?.RecipientId is { } recipient ? Snowflakes.Text(recipient) : null;
        return new(
            Snowflakes.Text(message.Id),
            Snowflakes.Text(message.ChannelId),
            name,
            kind,
            message.AvatarUrl ?? (string?)entityEmbed?["author"]?["icon_url"],
            content,
            message.Timestamp,
            message.ReplyToId is { } reply ? Snowflakes.Text(reply) : null,
            [.. message.Reactions.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Emoji} {r.UserIds.Count}"))],
            dmUser);
    }
}
