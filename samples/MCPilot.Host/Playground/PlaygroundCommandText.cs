using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Host.Playground;

/// <summary>
/// Reads a slash command typed as in Discord's message box, <c>/talk entity:Ada</c>, against the
/// commands the bot registered in FakeDiscord: the command's name and its options by name, typed
/// as its definition says (a value runs to the next <c>name:</c> of one of its options, so it may
/// hold spaces).
/// </summary>
internal static partial class PlaygroundCommandText
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="PlaygroundCommandException">Not a command of the bot, an unknown or badly typed option, or a required one missing.</exception>
    public static (string Name, IReadOnlyDictionary<string, object> Options) Parse(string text, IReadOnlyList<FakeCommand> commands)
    {
        var trimmed = text.Trim();
        var available = string.Join(", ", commands.Select(c => "/" + c.Name).Distinct().Order(StringComparer.Ordinal));
        if (!trimmed.StartsWith('/') || trimmed.Length == 1)
        {
            throw new PlaygroundCommandException($"A command starts with / and its name, e.g. /talk entity:Ada. The bot's commands: {available}.");
        }

        var end = trimmed.IndexOfAny([' ', '\t', '\n']);
        var name = end < 0 ? trimmed[1..] : trimmed[1..end];
        var command = commands.FirstOrDefault(c => c.Name == name)
            ?? throw new PlaygroundCommandException($"/{name} is not a command of this bot. Its commands: {available}.");
        var definitions = (command.Definition["options"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(o => (string)o["name"]!, StringComparer.Ordinal);
        var rest = end < 0 ? "" : trimmed[end..];
        var markers = OptionMarker().Matches(rest).Where(m => definitions.ContainsKey(m.Groups["name"].Value)).ToList();
        var leading = markers.Count == 0 ? rest.Trim() : rest[..markers[0].Index].Trim();
        if (leading.Length > 0)
        {
            var usage = definitions.Count == 0 ? $"/{name} takes no options" : $"give options as name:value ({string.Join(", ", definitions.Keys.Select(k => k + ":"))})";
            throw new PlaygroundCommandException($"\"{leading}\" is not an option of /{name}: {usage}.");
        }

        var options = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < markers.Count; i++)
        {
            var option = markers[i].Groups["name"].Value;
            var start = markers[i].Index + markers[i].Length;
            var value = rest[start..(i + 1 < markers.Count ? markers[i + 1].Index : rest.Length)].Trim();
            options[option] = Convert(name, option, value, definitions[option]);
        }

        foreach (var (option, definition) in definitions)
        {
            if (definition["required"]?.GetValue<bool>() == true && !options.ContainsKey(option))
            {
                throw new PlaygroundCommandException($"/{name} needs {option}:<value>.");
            }
        }

        return (name, options);
    }

    private static object Convert(string command, string option, string value, JsonObject definition)
    {
        var type = definition["type"]?.GetValue<int>() ?? 3;
        object? converted = type switch
        {
            4 => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? integer : null,
            10 => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
            5 => bool.TryParse(value, out var flag) ? flag : null,
            _ => value.Length > 0 ? value : null,
        };
        return converted ?? throw new PlaygroundCommandException($"/{command} {option}: \"{value}\" is not {type switch { 4 => "a whole number", 10 => "a number", 5 => "true or false", _ => "a value" }}.");
    }

    [GeneratedRegex(@"(?<=^|\s)(?<name>[\w-]+):", RegexOptions.CultureInvariant)]
    private static partial Regex OptionMarker();
}
