using System.Globalization;
using MCPilot.Servers;

namespace MCPilot.Storage;

/// <summary>
/// The keys that stores compare for their unique rules, so that every store (in memory, EF Core,
/// a plugin's) enforces exactly the same rules.
/// </summary>
public static class StoreKeys
{
    /// <summary>
    /// The form a name is compared in: case-insensitive (invariant upper case), so "Ada" and
    /// "ADA" cannot both name an entity in one guild, nor two servers at one place.
    /// </summary>
    public static string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant();
    }

    /// <summary>
    /// The order of lists "by name": case-insensitive, then ordinal, independent of any database
    /// collation.
    /// </summary>
    public static IComparer<string> NameOrder { get; } = Comparer<string>.Create(static (a, b) =>
    {
        var c = StringComparer.OrdinalIgnoreCase.Compare(a, b);
        return c != 0 ? c : StringComparer.Ordinal.Compare(a, b);
    });

    /// <summary>
    /// Where a registration's name must be unique: <c>user:{owner}</c> for
    /// <see cref="McpServerScope.User"/> (one namespace per member, in every guild),
    /// <c>channel:{guild}:{channel}</c> for <see cref="McpServerScope.Channel"/> and
    /// <c>guild:{guild}</c> for <see cref="McpServerScope.Global"/>.
    /// </summary>
    public static string Place(McpServerRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return registration.Scope switch
        {
            McpServerScope.User => "user:" + registration.Owner.Value,
            McpServerScope.Channel => string.Create(CultureInfo.InvariantCulture, $"channel:{registration.GuildId}:{registration.ChannelId}"),
            McpServerScope.Global => string.Create(CultureInfo.InvariantCulture, $"guild:{registration.GuildId}"),
            _ => throw new ArgumentOutOfRangeException(nameof(registration), registration.Scope, "Unknown MCP server scope."),
        };
    }
}
