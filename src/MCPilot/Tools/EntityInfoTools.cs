using System.ComponentModel;
using System.Globalization;
using System.Text;
using MCPilot.Entities;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>The built-in tool that tells a client which entity it is connected as and what it may do.</summary>
[McpServerToolType]
internal sealed class EntityInfoTools(IEntityContext context)
{
    /// <summary>The tool's name.</summary>
    public const string WhoAmI = "whoami";

    /// <summary>Describes the entity: identity, servers and channel policy, enabled tools, send limits and feed.</summary>
    [McpServerTool(Name = WhoAmI, Title = "Who am I", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Describes the Discord entity this connection speaks as: its name, the servers and channels it may use, the tools enabled for it, its send limits and how many messages wait in its feed. Call it first.")]
    public string Describe()
    {
        var entity = context.Entity;
        var feed = context.Feed;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"You are {entity.Name} (entity {entity.Id}).").AppendLine();
        if (!string.IsNullOrWhiteSpace(entity.Description))
        {
            text.Append("Description: ").AppendLine(entity.Description.Trim());
        }

        if (entity.Guilds.Count == 0)
        {
            text.AppendLine("Servers: none yet. An operator must add this entity to a server before it can read or post.");
        }
        else
        {
            text.AppendLine("Servers (and the channels you may use; threads follow their parent channel):");
            foreach (var guild in entity.Guilds)
            {
                text.Append(c, $"- server {guild.GuildId}: ").Append(Describe(guild.Policy));
                if (guild.MentionRoleId is { } role)
                {
                    text.Append(c, $"; messages mentioning role {role} address you");
                }

                text.AppendLine();
            }
        }

        text.Append("Tools enabled: ").AppendLine(entity.ToolAllowList is null ? "all" : string.Join(", ", entity.ToolAllowList.Order(StringComparer.Ordinal)));
        text.Append(c, $"Send limit: {entity.RateLimits.SendsPerMinute} messages a minute, bursts of {entity.RateLimits.Burst}.").AppendLine();
        text.Append(c, $"Feed: {feed.UnreadCount} unread of {feed.Count} held (holds {feed.Capacity}; {feed.Dropped} dropped when full); {feed.UnreadMentionCount} unread addressing you; {context.DirectMessages.UnreadCount} unread direct messages.").AppendLine();
        text.Append("Persona: get the prompt \"").Append(EntityPersonaPrompt.Name).AppendLine("\" for how to speak as this entity.");
        return text.ToString();
    }

    /// <summary>A channel policy in words: "all channels", "only channels 1, 2 except 3".</summary>
    internal static string Describe(ChannelPolicy policy)
    {
        var c = CultureInfo.InvariantCulture;
        var allow = policy.Allow.Count == 0 ? "all channels" : "only channels " + string.Join(", ", policy.Allow.Order().Select(id => id.ToString(c)));
        return policy.Deny.Count == 0 ? allow : allow + " except " + string.Join(", ", policy.Deny.Order().Select(id => id.ToString(c)));
    }
}
