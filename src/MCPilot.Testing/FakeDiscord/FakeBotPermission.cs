namespace MCPilot.Testing.FakeDiscord;

/// <summary>Permissions a test can take from the bot in one channel (it has all of them by default).</summary>
public enum FakeBotPermission
{
    /// <summary>Seeing the channel at all: without it, requests fail with 50001 Missing Access.</summary>
    ViewChannel,

    /// <summary>Posting messages.</summary>
    SendMessages,

    /// <summary>Listing and creating webhooks.</summary>
    ManageWebhooks,

    /// <summary>Adding reactions.</summary>
    AddReactions,

    /// <summary>Reading message history.</summary>
    ReadMessageHistory,
}
