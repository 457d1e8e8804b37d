namespace MCPilot.Discord.Models;

/// <summary>The kinds of message MCPilot distinguishes (others keep their numeric value).</summary>
public enum MessageType
{
    /// <summary>A plain message.</summary>
    Default = 0,

    /// <summary>A member joined a group DM.</summary>
    RecipientAdd = 1,

    /// <summary>A member left a group DM.</summary>
    RecipientRemove = 2,

    /// <summary>The channel's name changed.</summary>
    ChannelNameChange = 4,

    /// <summary>A message was pinned.</summary>
    ChannelPinnedMessage = 6,

    /// <summary>A member joined the guild.</summary>
    UserJoin = 7,

    /// <summary>A thread was created from a message.</summary>
    ThreadCreated = 18,

    /// <summary>A reply to another message.</summary>
    Reply = 19,

    /// <summary>A response to a slash command.</summary>
    ChatInputCommand = 20,

    /// <summary>The starter message of a thread.</summary>
    ThreadStarterMessage = 21,

    /// <summary>A response to a context-menu command.</summary>
    ContextMenuCommand = 23,
}
