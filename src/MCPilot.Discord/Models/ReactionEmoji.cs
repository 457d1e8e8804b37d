using System.Globalization;

namespace MCPilot.Discord.Models;

/// <summary>
/// The emoji of a reaction: a Unicode emoji ("👍") or a custom one (name and id). Parse accepts
/// what people and models write: "👍", "name:id", "&lt;:name:id&gt;", "&lt;a:name:id&gt;" and ":name:id".
/// </summary>
public readonly record struct ReactionEmoji
{
    private ReactionEmoji(string name, ulong? id, bool animated)
    {
        Name = name;
        Id = id;
        Animated = animated;
    }

    /// <summary>The Unicode characters, or the custom emoji's name.</summary>
    public string Name { get; }

    /// <summary>The custom emoji's id; null for a Unicode emoji.</summary>
    public ulong? Id { get; }

    /// <summary>Whether the custom emoji is animated.</summary>
    public bool Animated { get; }

    /// <summary>A Unicode emoji.</summary>
    public static ReactionEmoji Unicode(string emoji)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emoji);
        return new ReactionEmoji(emoji.Trim(), null, false);
    }

    /// <summary>A custom guild emoji.</summary>
    public static ReactionEmoji Custom(string name, ulong id, bool animated = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ReactionEmoji(name, id, animated);
    }

    /// <summary>Parses an emoji; throws <see cref="FormatException"/> naming the accepted forms.</summary>
    public static ReactionEmoji Parse(string text)
        => TryParse(text, out var emoji) ? emoji : throw new FormatException($"'{text}' is not an emoji: use a Unicode emoji such as 👍, or a custom one as name:id or <:name:id>.");

    /// <summary>Parses an emoji.</summary>
    public static bool TryParse(string? text, out ReactionEmoji emoji)
    {
        emoji = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var animated = false;
        if (s.StartsWith('<') && s.EndsWith('>'))
        {
            s = s[1..^1];
            if (s.StartsWith("a:", StringComparison.Ordinal))
            {
                animated = true;
                s = s[1..];
            }
        }

        s = s.TrimStart(':');
        var colon = s.LastIndexOf(':');
        if (colon > 0 && ulong.TryParse(s.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var name = s[..colon].Trim(':');
            if (name.Length == 0 || name.Any(c => !(char.IsLetterOrDigit(c) || c == '_')))
            {
                return false;
            }

            emoji = new ReactionEmoji(name, id, animated);
            return true;
        }

        if (text.Contains(':', StringComparison.Ordinal) || text.Contains('<', StringComparison.Ordinal) || s.All(char.IsAscii))
        {
            return false;
        }

        emoji = new ReactionEmoji(s, null, false);
        return true;
    }

    /// <summary>The percent-encoded path segment Discord's reaction routes take (<c>%F0%9F%91%8D</c> or <c>name:id</c>).</summary>
    public string ToRouteSegment() => Uri.EscapeDataString(Id is { } id ? $"{Name}:{id.ToString(CultureInfo.InvariantCulture)}" : Name);

    /// <inheritdoc />
    public override string ToString() => Id is { } id ? $"<{(Animated ? "a" : "")}:{Name}:{id.ToString(CultureInfo.InvariantCulture)}>" : Name;
}
