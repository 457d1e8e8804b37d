using System.Globalization;
using System.Text.Json.Nodes;
using MCPilot.AspNetCore.Sessions;
using MCPilot.Entities;
using MCPilot.Host.Composition;
using MCPilot.Host.Server;

namespace MCPilot.Host.Status;

/// <summary>The running host: mode, address, uptime, loaded entities and open MCP sessions.</summary>
internal sealed class HostProcessStatusSource(HostSettings settings, HostRuntime runtime, EntityRegistry registry, IEntitySessions sessions, TimeProvider time) : IHostStatusSource
{
    /// <summary>The section's name.</summary>
    public const string SectionName = "host";

    /// <summary>The field with the number of entities loaded.</summary>
    public const string EntitiesLoadedField = "entitiesLoaded";

    /// <summary>The field with the number of open MCP sessions.</summary>
    public const string OpenSessionsField = "openSessions";

    /// <summary>The field with the uptime, for people.</summary>
    public const string UptimeField = "uptime";

    public string Name => SectionName;

    public bool IsLive => true;

    public Task<HostStatusSection> ReadAsync(CancellationToken cancellationToken)
    {
        var uptime = time.GetUtcNow() - runtime.StartedAt;
        var fields = new JsonObject
        {
            ["running"] = true,
            ["mode"] = settings.Mode.ToString(),
            ["url"] = runtime.LocalUrl?.ToString(),
            ["processId"] = Environment.ProcessId,
            ["startedAt"] = runtime.StartedAt,
            [UptimeField] = FormatUptime(uptime),
            [EntitiesLoadedField] = registry.IsLoaded ? registry.Count : null,
            [OpenSessionsField] = sessions.Count,
        };
        return Task.FromResult(registry.IsLoaded
            ? HostStatusSection.Ok(Name, fields)
            : new HostStatusSection(Name, HostStatusLevel.Warning, "The host has not loaded its entities yet (or the store is unreachable: see its log); it is not ready.", fields));
    }

    /// <summary>An uptime for people: <c>3d 04h 05m</c>, <c>2h 03m 04s</c>, <c>12s</c>.</summary>
    public static string FormatUptime(TimeSpan uptime) => uptime switch
    {
        { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)uptime.TotalDays}d {uptime.Hours:00}h {uptime.Minutes:00}m"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{uptime.Hours}h {uptime.Minutes:00}m {uptime.Seconds:00}s"),
        { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{uptime.Minutes}m {uptime.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)uptime.TotalSeconds)}s"),
    };
}
