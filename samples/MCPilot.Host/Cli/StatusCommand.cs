using System.CommandLine;
using System.Text.Json.Nodes;
using MCPilot.Host.Composition;
using MCPilot.Host.Server;
using MCPilot.Host.Status;

namespace MCPilot.Host.Cli;

/// <summary>
/// <c>status</c>: the stored state (database, entities, keys) read here, and the running host's live
/// sections (the host itself, and its Discord Gateway) read from that host, when one runs on this data directory.
/// </summary>
internal static class StatusCommand
{
    public static Command Build()
    {
        var command = new Command("status", "Show the database, entities and keys, and the running host (exit code 1 when something is broken).");
        command.SetHandler(async (session, parse, cancellationToken) =>
        {
            var stored = await session.Get<HostStatus>().ReadAsync(HostStatusScope.Stored, cancellationToken);
            var sections = new List<HostStatusSection>(stored.Sections);
            using var host = RunningHostClient.Find(session.Settings.DataDirectory);
            var live = host is null ? null : await host.ReadStatusAsync(cancellationToken);
            sections.AddRange(live?.Sections ?? [NotRunning(session.Settings, host)]);
            return StatusPresenter.Write(session.Output, new HostStatusReport(stored.At, sections));
        }, ensureSchema: false);
        return command;
    }

    private static HostStatusSection NotRunning(HostSettings settings, RunningHostClient? host) => new(
        "host",
        HostStatusLevel.Warning,
        host is null
            ? $"No host is running on this data directory ({settings.DataDirectory}). Start it with ./build/run.sh (or the same command without arguments)."
            : $"The host that published {HostRuntimeFile.PathIn(settings.DataDirectory)} (process {host.Info.ProcessId}) does not answer at {host.Info.Url}.",
        new JsonObject { ["running"] = false, ["mode"] = settings.Mode.ToString() });
}
