using MCPilot.Entities;

namespace MCPilot.Host.Cli.Views;

/// <summary>An entity's presence in one guild and the channels it may use there.</summary>
/// <param name="GuildId">The guild.</param>
/// <param name="Allow">Channels allowed; empty means every channel that is not denied.</param>
/// <param name="Deny">Channels denied (threads follow their parent).</param>
/// <param name="MentionRoleId">The role that stands for the entity, if any.</param>
internal sealed record GuildPolicyView(string GuildId, IReadOnlyList<string> Allow, IReadOnlyList<string> Deny, string? MentionRoleId)
{
    public static GuildPolicyView From(EntityGuildMembership membership) => new(
        Snowflakes.Text(membership.GuildId),
        [.. membership.Policy.Allow.Order().Select(Snowflakes.Text)],
        [.. membership.Policy.Deny.Order().Select(Snowflakes.Text)],
        membership.MentionRoleId is { } role ? Snowflakes.Text(role) : null);

    /// <summary>The policy in words: "every channel", "only 1, 2", "every channel except 3".</summary>
    public static string Describe(ChannelPolicy policy)
    {
        var allowed = policy.Allow.Count == 0 ? "every channel" : "only " + string.Join(", ", policy.Allow.Order().Select(Snowflakes.Text));
        return policy.Deny.Count == 0 ? allowed : $"{allowed} except {string.Join(", ", policy.Deny.Order().Select(Snowflakes.Text))}";
    }
}
