namespace MCPilot.Entities;

/// <summary>
/// Which channels of one guild an entity may use. An empty <see cref="Allow"/> list allows every
/// channel; a non-empty one allows only those. <see cref="Deny"/> always wins. A thread has no
/// entry of its own: it inherits its parent channel's answer.
/// </summary>
public sealed record ChannelPolicy
{
    /// <summary>The policy that allows every channel of the guild.</summary>
    public static ChannelPolicy AllowAll { get; } = new();

    /// <summary>Channels explicitly allowed; empty means all.</summary>
    public IReadOnlySet<ulong> Allow { get; init; } = new HashSet<ulong>();

    /// <summary>Channels explicitly denied.</summary>
    public IReadOnlySet<ulong> Deny { get; init; } = new HashSet<ulong>();

    /// <summary>Whether a channel, or a thread under <paramref name="parentChannelId"/>, is allowed.</summary>
    /// <param name="channelId">The channel or thread.</param>
    /// <param name="parentChannelId">For a thread, its parent channel; otherwise <see langword="null"/>.</param>
    public bool Allows(ulong channelId, ulong? parentChannelId = null)
    {
        var effective = parentChannelId ?? channelId;
        if (Deny.Contains(effective) || Deny.Contains(channelId))
        {
            return false;
        }

        return Allow.Count == 0 || Allow.Contains(effective);
    }

    /// <inheritdoc />
    public bool Equals(ChannelPolicy? other) =>
        other is not null && Allow.SetEquals(other.Allow) && Deny.SetEquals(other.Deny);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Allow.Count, Deny.Count);
}
