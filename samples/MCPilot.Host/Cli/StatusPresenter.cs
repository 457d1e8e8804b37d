using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MCPilot.Host.Status;

namespace MCPilot.Host.Cli;

/// <summary>Writes a status report: a block per section for people, or the report as JSON.</summary>
internal static class StatusPresenter
{
    /// <summary>Writes the report; returns the exit code (1 when a section is in error).</summary>
    public static int Write(CliOutput output, HostStatusReport report)
    {
        if (output.Json)
        {
            output.WriteJson(report, HostJson.Default.HostStatusReport);
        }
        else
        {
            foreach (var section in report.Sections)
            {
                output.Line($"{section.Name} [{section.Level.ToString().ToLowerInvariant()}]");
                output.Fields([.. section.Fields.Select(f => (Humanize(f.Key), Format(f.Value)))]);
                if (section.Problem is { } problem)
                {
                    output.Line($"  ! {problem}");
                }

                output.Line();
            }
        }

        return report.Level == HostStatusLevel.Error ? CliAction.Failure : CliAction.Success;
    }

    /// <summary>"pendingMigrations" → "pending migrations".</summary>
    public static string Humanize(string camel)
    {
        var text = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static string? Format(JsonNode? value) => value switch
    {
        null => null,
        JsonArray array => array.Count == 0 ? "none" : string.Join(", ", array.Select(Format)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "yes" : "no",
        _ => value.ToJsonString(),
    };
}
