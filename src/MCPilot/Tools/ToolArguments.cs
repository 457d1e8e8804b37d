using System.Globalization;

namespace MCPilot.Tools;

/// <summary>
/// Reads the arguments of the entity tools the way a model writes them, and refuses bad ones with
/// an error that names the argument, says what was wrong and what to send instead. Ids are
/// strings (Discord's snowflakes do not fit a JSON number in most clients); mention forms such as
/// <c>&lt;#123&gt;</c> and <c>&lt;@123&gt;</c> are accepted too.
/// </summary>
internal static class ToolArguments
{
    /// <summary>A required id.</summary>
    public static ulong Id(string? value, string argument, string what) =>
        OptionalId(value, argument, what) ?? throw EntityToolException.InvalidArguments(
            $"'{argument}' is required: the id of the {what} (a Discord snowflake such as \"1234567890123456789\", as a string).");

    /// <summary>An optional id (null or empty when absent).</summary>
    public static ulong? OptionalId(string? value, string argument, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            text = text[1..^1].TrimStart('#', '@', '!', '&');
        }

        if (text.Length is > 0 and <= 20 && text.All(char.IsAsciiDigit) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        throw EntityToolException.InvalidArguments(
            $"'{argument}' must be the id of a {what}: a Discord snowflake of digits only, such as \"1234567890123456789\" (got \"{Shorten(value)}\"). {Hint(what)}");
    }

    /// <summary>A count within 1 to <paramref name="max"/>.</summary>
    public static int Count(int value, string argument, int max) => value is >= 1 && value <= max
        ? value
        : throw EntityToolException.InvalidArguments(string.Create(CultureInfo.InvariantCulture, $"'{argument}' must be from 1 to {max} (got {value})."));

    /// <summary>Text that must not be empty or longer than <paramref name="max"/>.</summary>
    public static string Content(string? value, string argument, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw EntityToolException.InvalidArguments($"'{argument}' is empty: give the text to send.");
        }

        return value.Length <= max
            ? value
            : throw EntityToolException.InvalidArguments(string.Create(CultureInfo.InvariantCulture,
                $"'{argument}' is {value.Length} characters long; at most {max} can be sent at once. Shorten it, or send it in several calls."));
    }

    private static string Hint(string what) => what switch
    {
        "channel or thread" => "list_channels shows the ids.",
        "message" => "read_messages shows message ids in [brackets].",
        "user" => "Message lines show user ids as (user 123).",
        "server" => "list_servers shows the ids.",
        _ => string.Empty,
    };

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
