namespace MCPilot.Discord.Gateway.Events;

/// <summary>The partial application of a <see cref="ReadyEvent"/>.</summary>
public sealed class ReadyApplication
{
    /// <summary>The application's id.</summary>
    public ulong Id { get; init; }

    /// <summary>The application's flags.</summary>
    public long Flags { get; init; }
}
