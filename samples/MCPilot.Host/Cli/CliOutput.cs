using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MCPilot.Host.Cli;

/// <summary>Where a command writes: text for people, or JSON for scripts (<c>--json</c>); errors go to the error stream.</summary>
internal sealed class CliOutput(TextWriter output, TextWriter error, bool json)
{
    /// <summary>Whether the operator asked for JSON.</summary>
    public bool Json => json;

    /// <summary>The standard output.</summary>
    public TextWriter Out => output;

    /// <summary>The error output.</summary>
    public TextWriter Error => error;

    /// <summary>Writes <paramref name="value"/> as indented JSON.</summary>
    public void WriteJson<T>(T value, JsonTypeInfo<T> type)
    {
        output.WriteLine(JsonSerializer.Serialize(value, type));
    }

    /// <summary>Writes a line of text.</summary>
    public void Line(string text = "") => output.WriteLine(text);

    /// <summary>Writes aligned <c>label: value</c> lines (values that are null print as <c>-</c>).</summary>
    public void Fields(params (string Label, string? Value)[] fields)
    {
        var width = fields.Length == 0 ? 0 : fields.Max(f => f.Label.Length) + 1;
        foreach (var (label, value) in fields)
        {
            output.WriteLine($"  {(label + ":").PadRight(width)} {(string.IsNullOrEmpty(value) ? "-" : value.ReplaceLineEndings(Environment.NewLine + new string(' ', width + 3)))}");
        }
    }

    /// <summary>Formats an instant for people (UTC, to the second).</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";
}
