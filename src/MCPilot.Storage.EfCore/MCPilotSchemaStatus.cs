namespace MCPilot.Storage.EfCore;

/// <summary>Where the database's MCPilot tables stand against this version's migrations.</summary>
/// <param name="Applied">Migrations applied to the database that this version knows, oldest first.</param>
/// <param name="Pending">Migrations this version would apply, oldest first.</param>
/// <param name="Unknown">Migrations applied to the database that this version does not know: a newer MCPilot upgraded it.</param>
public sealed record MCPilotSchemaStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// <summary>Whether the schema is exactly this version's.</summary>
    public bool IsCurrent => Pending.Count == 0 && Unknown.Count == 0;

    /// <summary>Whether a newer MCPilot made the database; this version refuses to use it.</summary>
    public bool IsNewerThanThisVersion => Unknown.Count > 0;
}
