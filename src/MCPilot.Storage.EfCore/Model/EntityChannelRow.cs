namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_entity_channels</c>: one channel named by a membership's allow-list, deny-list or both.</summary>
internal sealed class EntityChannelRow
{
    public Guid EntityId { get; set; }

    public long GuildId { get; set; }

    public long ChannelId { get; set; }

    /// <summary>Whether the channel is on the allow-list.</summary>
    public bool Allowed { get; set; }

    /// <summary>Whether the channel is on the deny-list (which wins).</summary>
    public bool Denied { get; set; }
}
