using System.Globalization;

namespace MCPilot.Host.Cli;

/// <summary>Reads the values operators type: Discord ids, expiry times.</summary>
internal static class CliParsers
{
    /// <summary>Reads a Discord id (snowflake), also in mention form (<c>&lt;#123&gt;</c>, <c>&lt;@123&gt;</c>).</summary>
    public static ulong Snowflake(string text, string what)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('<') && trimmed.EndsWith('>'))
        {
            trimmed = trimmed.Trim('<', '>').TrimStart('#', '@', '&', '!');
        }

        if (ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        throw new CliException($"'{text}' is not a {what} id: give its numeric id (in Discord, turn on Developer Mode, then right-click the {what} > Copy {Capitalize(what)} ID).");
    }

    /// <summary>Reads an expiry: a duration from now (<c>30d</c>, <c>12h</c>, <c>90m</c>) or a date-time (<c>2027-01-31</c>, <c>2027-01-31T12:00Z</c>).</summary>
    public static DateTimeOffset Expiry(string text, DateTimeOffset now)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 1 && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            TimeSpan? span = char.ToLowerInvariant(trimmed[^1]) switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => null,
            };
            if (span is { } s)
            {
                return now + s;
            }
        }

        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        throw new CliException($"--expires '{text}' is neither a duration (30d, 12h, 90m) nor a date-time (2027-01-31, 2027-01-31T12:00Z).");
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
