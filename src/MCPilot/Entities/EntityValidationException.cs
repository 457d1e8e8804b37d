namespace MCPilot.Entities;

/// <summary>
/// An entity (or an avatar upload) broke a rule. <see cref="Exception.Message"/> lists every
/// problem, each naming the field and what to do; <see cref="Errors"/> holds them one by one.
/// </summary>
public sealed class EntityValidationException : Exception
{
    /// <summary>Creates the exception from its problems.</summary>
    public EntityValidationException(IReadOnlyList<string> errors)
        : base(errors is null || errors.Count == 0 ? "The entity is invalid." : string.Join(" ", errors)) =>
        Errors = errors ?? [];

    /// <summary>The problems, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}
