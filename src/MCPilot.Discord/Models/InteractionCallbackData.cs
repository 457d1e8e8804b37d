using System.Text.Json;

namespace MCPilot.Discord.Models;

/// <summary>The message, autocomplete choices or modal of an interaction callback.</summary>
public sealed class InteractionCallbackData
{
    /// <summary>Whether the reply is text-to-speech.</summary>
    public bool? Tts { get; init; }

    /// <summary>The reply's text (up to 2000 characters).</summary>
    public string? Content { get; init; }

    /// <summary>The reply's embeds (up to 10).</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Which mentions ping.</summary>
    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>Flags: <see cref="MessageFlags.Ephemeral"/>, <see cref="MessageFlags.SuppressEmbeds"/>, ...</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>Components, as raw JSON.</summary>
    public IReadOnlyList<JsonElement>? Components { get; init; }

    /// <summary>Autocomplete choices (up to 25).</summary>
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>A modal's custom id.</summary>
    public string? CustomId { get; init; }

    /// <summary>A modal's title.</summary>
    public string? Title { get; init; }
}
