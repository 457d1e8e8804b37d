using System.Text;
using System.Text.RegularExpressions;

namespace MCPilot.Discord.Webhooks;

/// <summary>
/// Makes a display name acceptable as a webhook username: Discord rejects names outside 1-80
/// characters and names containing "clyde" or "discord"; "everyone", "here" and "```" are
/// trouble too. Forbidden words are kept readable by a hair space (U+200A) inside them.
/// </summary>
public static partial class WebhookNames
{
    /// <summary>The longest webhook name Discord accepts.</summary>
    public const int MaxLength = 80;

    private const char HairSpace = '\u200A';

    /// <summary>Returns the name Discord will accept for <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty once whitespace and invisible characters are removed.</exception>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var visible = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                visible.Append(char.IsWhiteSpace(c) ? " " : "");
            }
            else if (!IsInvisible(c))
            {
                visible.Append(c);
            }
        }

        var text = Whitespace().Replace(visible.ToString(), " ").Trim();
        if (text.Length == 0)
        {
            throw new ArgumentException($"The name '{name}' is empty once whitespace and invisible characters are removed: give the identity a visible name of 1 to {MaxLength} characters.", nameof(name));
        }

        text = Forbidden().Replace(text, m => m.Value[0] + HairSpace.ToString() + m.Value[1..]);
        text = text.Replace("```", "`\u200A`\u200A`", StringComparison.Ordinal);
        if (text.Equals("everyone", StringComparison.OrdinalIgnoreCase) || text.Equals("here", StringComparison.OrdinalIgnoreCase))
        {
            text = text[0] + HairSpace.ToString() + text[1..];
        }

        if (text.Length > MaxLength)
        {
            var cut = MaxLength - 1;
            if (char.IsLowSurrogate(text[cut]))
            {
                cut--;
            }

            text = text[..cut].TrimEnd() + "…";
        }

        return text;
    }

    /// <summary>Zero-width and direction-override characters that hide or spoof a name (the emoji joiner U+200D stays).</summary>
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF'
        or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("clyde|discord", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Forbidden();
}
