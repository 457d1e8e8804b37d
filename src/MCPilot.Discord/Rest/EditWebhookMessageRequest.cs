using System.Text.Json;
using System.Text.Json.Serialization;
using MCPilot.Discord.Models;
using MCPilot.Discord.Serialization;

namespace MCPilot.Discord.Rest;

/// <summary>
/// An edit of a webhook message or an interaction response. Absent fields stay as they are;
/// an empty <see cref="Embeds"/> list removes the embeds, an empty <see cref="Content"/> the text.
/// </summary>
public sealed class EditWebhookMessageRequest
{
    /// <summary>The new text.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Content { get; init; }

    /// <summary>The new embeds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyList<Embed>?> Embeds { get; init; }

    /// <summary>Which mentions ping.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<AllowedMentions?> AllowedMentions { get; init; }

    /// <summary>The new components, as raw JSON.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyList<JsonElement>?> Components { get; init; }
}
