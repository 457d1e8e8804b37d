namespace MCPilot.Discord.Rest;

/// <summary>Discord's JSON error codes that MCPilot acts on.</summary>
public static class DiscordErrorCodes
{
    /// <summary>A general error (including a rate limit without a more specific code).</summary>
    public const int General = 0;

    /// <summary>Unknown channel.</summary>
    public const int UnknownChannel = 10003;

    /// <summary>Unknown guild.</summary>
    public const int UnknownGuild = 10004;

    /// <summary>Unknown member.</summary>
    public const int UnknownMember = 10007;

    /// <summary>Unknown message.</summary>
    public const int UnknownMessage = 10008;

    /// <summary>Unknown user.</summary>
    public const int UnknownUser = 10013;

    /// <summary>Unknown emoji.</summary>
    public const int UnknownEmoji = 10014;

    /// <summary>Unknown webhook: it was deleted (MCPilot's webhook engine then recreates it once).</summary>
    public const int UnknownWebhook = 10015;

    /// <summary>Unknown interaction: the 3-second window passed, or it was already answered elsewhere.</summary>
    public const int UnknownInteraction = 10062;

    /// <summary>Unknown application command.</summary>
    public const int UnknownApplicationCommand = 10063;

    /// <summary>Maximum number of webhooks reached (15 per channel).</summary>
    public const int MaximumWebhooks = 30007;

    /// <summary>Unauthorized: provide a valid token.</summary>
    public const int Unauthorized = 40001;

    /// <summary>The interaction has already been acknowledged.</summary>
    public const int InteractionAlreadyAcknowledged = 40060;

    /// <summary>Missing access (the bot cannot see the channel or guild).</summary>
    public const int MissingAccess = 50001;

    /// <summary>Cannot send an empty message.</summary>
    public const int EmptyMessage = 50006;

    /// <summary>Cannot send messages to this user (DMs closed or no shared guild).</summary>
    public const int CannotMessageUser = 50007;

    /// <summary>Missing permissions.</summary>
    public const int MissingPermissions = 50013;

    /// <summary>Cannot execute action on this channel type.</summary>
    public const int InvalidChannelType = 50024;

    /// <summary>Invalid webhook token.</summary>
    public const int InvalidWebhookToken = 50027;

    /// <summary>Invalid form body: see the field errors.</summary>
    public const int InvalidFormBody = 50035;

    /// <summary>The thread is archived.</summary>
    public const int ThreadArchived = 50083;

    /// <summary>The thread is locked.</summary>
    public const int ThreadLocked = 160005;
}
