using System.Globalization;

namespace MCPilot.Host;

/// <summary>Discord ids as JSON strings, as Discord writes them (JavaScript numbers lose their low bits).</summary>
internal static class Snowflakes
{
    public static string Text(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
