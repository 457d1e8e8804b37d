using System.Text.Json.Nodes;

namespace MCPilot.Host.Status;

/// <summary>One part of the host's status, e.g. the database or the Gateway.</summary>
/// <param name="Name">The section's name: <c>database</c>, <c>entities</c>, <c>host</c>, <c>gateway</c>, …</param>
/// <param name="Level">How the part is doing.</param>
/// <param name="Problem">What is wrong and what to do, when <paramref name="Level"/> is not <see cref="HostStatusLevel.Ok"/>.</param>
/// <param name="Fields">The facts, by camelCase name, in display order (JSON numbers, strings, arrays).</param>
internal sealed record HostStatusSection(string Name, HostStatusLevel Level, string? Problem, JsonObject Fields)
{
    /// <summary>A section with no problem.</summary>
    public static HostStatusSection Ok(string name, JsonObject fields) => new(name, HostStatusLevel.Ok, null, fields);
}
