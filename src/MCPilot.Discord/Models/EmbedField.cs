namespace MCPilot.Discord.Models;

/// <summary>One name/value field of an embed.</summary>
public sealed class EmbedField
{
    /// <summary>The field's name (up to 256 characters).</summary>
    public string Name { get; init; } = "";

    /// <summary>The field's value (up to 1024 characters).</summary>
    public string Value { get; init; } = "";

    /// <summary>Whether it is shown inline.</summary>
    public bool? Inline { get; init; }
}
