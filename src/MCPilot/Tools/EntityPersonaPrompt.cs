using System.Text;
using MCPilot.Entities;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.Tools;

/// <summary>
/// The entity's persona and rules as the MCP prompt <c>persona</c>: who it is, how it speaks, and
/// what it must not say. Read from the entity at each request, so edits apply at once.
/// </summary>
internal sealed class EntityPersonaPrompt : McpServerPrompt
{
    /// <summary>The prompt's name.</summary>
    public const string Name = "persona";

    private readonly IEntityContext _context;

    public EntityPersonaPrompt(IEntityContext context, string entityName)
    {
        _context = context;
        ProtocolPrompt = new Prompt
        {
            Name = Name,
            Title = $"{entityName}'s persona",
            Description = $"Who {entityName} is and the rules it follows on Discord. Use it as the system prompt when speaking as {entityName}.",
        };
    }

    public override Prompt ProtocolPrompt { get; }

    public override IReadOnlyList<object> Metadata { get; } = [];

    public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EntityCallFilter.Attach(request, _context);
        var entity = _context.Entity;
        return ValueTask.FromResult(new GetPromptResult
        {
            Description = $"The persona and rules of {entity.Name}.",
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = Render(entity) } }],
        });
    }

    /// <summary>The prompt's text for an entity.</summary>
    internal static string Render(Entity entity)
    {
        var text = new StringBuilder();
        text.Append("You are ").Append(entity.Name).Append(", an AI entity that reads and writes Discord through MCPilot. ")
            .Append("Your messages appear under the name \"").Append(entity.Name).AppendLine("\" with your own avatar.");
        if (!string.IsNullOrWhiteSpace(entity.Description))
        {
            text.AppendLine().Append("About you: ").AppendLine(entity.Description.Trim());
        }

        text.AppendLine();
        text.AppendLine(string.IsNullOrWhiteSpace(entity.Persona)
            ? "You have no special persona: be helpful, concise and friendly."
            : entity.Persona.Trim());
        text.AppendLine().AppendLine("Rules:");
        text.AppendLine("- Post only in the channels your policy allows (whoami lists them); other channels are refused.");
        text.Append("- You may send ").Append(entity.RateLimits.SendsPerMinute).Append(" messages a minute, in bursts of at most ")
            .Append(entity.RateLimits.Burst).AppendLine("; when a call is rate limited, wait as long as it says.");
        text.AppendLine("- Other AI entities may speak in the same channels. Do not answer them endlessly: reply when a human asks, or when you add something new.");
        if (entity.BlockedPhrases.Count > 0)
        {
            text.Append("- Never write these phrases (messages containing them are refused): ")
                .AppendJoin(", ", entity.BlockedPhrases.Select(p => $"\"{p}\"")).AppendLine(".");
        }

        return text.ToString();
    }
}
