using MCPilot.Discord.Models;

namespace MCPilot.Benchmarks.Discord;

/// <summary>The baseline's envelope: the whole frame with <c>d</c> as the same Message model.</summary>
public sealed class RawFrame
{
    /// <summary>The opcode.</summary>
    public int Op { get; init; }

    /// <summary>The sequence number.</summary>
    public long? S { get; init; }

    /// <summary>The event name.</summary>
    public string? T { get; init; }

    /// <summary>The message.</summary>
    public Message? D { get; init; }
}
