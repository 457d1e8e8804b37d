using MCPilot.Entities;

namespace MCPilot.Commands;

/// <summary>Describes entities for Discord messages: channel mentions (<c>&lt;#id&gt;</c>, which Discord shows as names) and owners.</summary>
internal static class EntityPolicyText
{
    /// <summary>The channels a policy lets the entity use, e.g. "every channel except &lt;#1&gt;".</summary>
    public static string Channels(ChannelPolicy policy)
    {
        if (policy.Allow.Count == 0)
        {
            return policy.Deny.Count == 0 ? "every channel" : $"every channel except {Mentions(policy.Deny)}";
        }

        var allowed = policy.Allow.Where(c => !policy.Deny.Contains(c)).ToList();
        return allowed.Count == 0 ? "no channel" : Mentions(allowed);
    }

    /// <summary>The owner, as a mention (which does not ping: replies allow no mentions), or the operator.</summary>
    public static string Owner(Entity entity) => entity.OwnerUserId is { } owner ? $"<@{owner}>" : "the bot's operator";

    private static string Mentions(IEnumerable<ulong> channels) => string.Join(", ", channels.Order().Select(c => $"<#{c}>"));
}
