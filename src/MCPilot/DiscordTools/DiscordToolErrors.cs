using System.Globalization;
using System.Net;
using MCPilot.Activity;
using MCPilot.Discord.Rest;
using MCPilot.Discord.Webhooks;
using MCPilot.Tools;

namespace MCPilot.DiscordTools;

/// <summary>
/// Turns what Discord refused into tool errors a model can act on: which id was unknown, which
/// permission the bot lacks (and who can grant it), when to retry. Applied by the entity call filter
/// to every entity tool, MCPilot's and plugins' alike.
/// </summary>
internal static class DiscordToolErrors
{
    /// <summary>The tool error for <paramref name="exception"/>, or null when it is not a Discord failure.</summary>
    public static EntityToolException? Translate(Exception exception) => exception switch
    {
        DiscordRateLimitedException limited => new EntityToolException(
            ToolCallOutcome.RateLimited,
            string.Create(CultureInfo.InvariantCulture, $"Discord is rate limiting the bot ({limited.Scope} limit). Retry in {Math.Max(1, (int)Math.Ceiling(limited.RetryAfter.TotalSeconds))} s."),
            limited.RetryAfter),
        WebhookIdentityException webhook => new EntityToolException(ToolCallOutcome.Failed, webhook.Message),
        DiscordRestException discord => Describe(discord),
        // The Discord client ends with these once its retries are spent; a plugin's own HTTP calls may too, so the words fit both.
        HttpRequestException or TimeoutException => new EntityToolException(ToolCallOutcome.Failed, "A network error or a timeout stopped the call (Discord, or another service the tool uses, did not answer). Try again in a little while."),
        _ => null,
    };

    private static EntityToolException Describe(DiscordRestException e)
    {
        var (outcome, message) = e.Code switch
        {
            DiscordErrorCodes.UnknownChannel => (ToolCallOutcome.InvalidArguments, "Discord does not know that channel, or the bot cannot see it. list_channels shows the channels you may use."),
            DiscordErrorCodes.UnknownMessage => (ToolCallOutcome.InvalidArguments, "That message does not exist in that channel (it may have been deleted). read_messages shows message ids in [brackets]."),
            DiscordErrorCodes.UnknownUser or DiscordErrorCodes.UnknownMember => (ToolCallOutcome.InvalidArguments, "Discord does not know that user."),
            DiscordErrorCodes.UnknownEmoji => (ToolCallOutcome.InvalidArguments, "Discord does not know that emoji: use a Unicode emoji such as 👍, or a custom emoji of this server as name:id."),
            DiscordErrorCodes.MissingAccess or DiscordErrorCodes.MissingPermissions => (ToolCallOutcome.Failed, $"The bot lacks a permission it needs for that here ({e.DiscordMessage}). A server admin must grant it to the bot's role."),
            DiscordErrorCodes.CannotMessageUser => (ToolCallOutcome.Failed, "Discord does not let the bot message this user: they closed their direct messages, or share no server with the bot."),
            DiscordErrorCodes.ThreadArchived => (ToolCallOutcome.Failed, "The thread is archived; a member must unarchive it (or post in another thread)."),
            DiscordErrorCodes.ThreadLocked => (ToolCallOutcome.Failed, "The thread is locked; only moderators can post in it."),
            DiscordErrorCodes.InvalidChannelType => (ToolCallOutcome.InvalidArguments, "That cannot be done in this kind of channel (in a forum, use one of its posts: list_channels shows them)."),
            DiscordErrorCodes.EmptyMessage => (ToolCallOutcome.InvalidArguments, "Discord refused an empty message: give some text."),
            DiscordErrorCodes.InvalidFormBody => (ToolCallOutcome.InvalidArguments, "Discord rejected the request: " + string.Join("; ", e.FieldErrors.Select(f => $"{f.Path}: {f.Message}")) + "."),
            _ when (int)e.StatusCode >= 500 => (ToolCallOutcome.Failed, string.Create(CultureInfo.InvariantCulture, $"Discord had a server error (HTTP {(int)e.StatusCode}). Try again in a little while.")),
            _ when e.StatusCode == HttpStatusCode.Unauthorized => (ToolCallOutcome.Failed, "Discord refused the bot's token. The operator must check MCPilot:Discord:Token."),
            _ => (ToolCallOutcome.Failed, string.Create(CultureInfo.InvariantCulture, $"Discord refused the request: {e.DiscordMessage} (code {e.Code}).")),
        };
        return new EntityToolException(outcome, message);
    }
}
