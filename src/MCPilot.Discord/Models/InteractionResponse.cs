namespace MCPilot.Discord.Models;

/// <summary>The answer to an interaction (its callback).</summary>
public sealed class InteractionResponse
{
    /// <summary>How to answer.</summary>
    public InteractionCallbackType Type { get; init; }

    /// <summary>The message (or choices, or modal) to answer with.</summary>
    public InteractionCallbackData? Data { get; init; }

    /// <summary>A reply with a message; ephemeral when <paramref name="ephemeral"/>.</summary>
    public static InteractionResponse Reply(string content, bool ephemeral = false) => new()
    {
        Type = InteractionCallbackType.ChannelMessageWithSource,
        Data = new InteractionCallbackData
        {
            Content = content,
            Flags = ephemeral ? MessageFlags.Ephemeral : null,
            AllowedMentions = AllowedMentions.None,
        },
    };

    /// <summary>A deferred reply ("thinking..."); complete it by editing the original response.</summary>
    public static InteractionResponse Defer(bool ephemeral = false) => new()
    {
        Type = InteractionCallbackType.DeferredChannelMessageWithSource,
        Data = ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null,
    };
}
