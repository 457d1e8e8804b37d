namespace MCPilot.Storage;

/// <summary>Why a store refused a write.</summary>
public enum StoreError
{
    /// <summary>The record changed since it was read (optimistic concurrency): re-read it and apply the change again.</summary>
    ConcurrencyConflict,

    /// <summary>A unique rule would be broken, e.g. a second entity with the same name in a guild.</summary>
    Duplicate,

    /// <summary>The record does not exist (any more).</summary>
    NotFound,
}

/// <summary>
/// A store refused a write. The message names the record and the rule, e.g. "entity 'Ada' was
/// changed by someone else since it was read (version 3, now 4)": never a silent overwrite.
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(StoreError error, string message, Exception? innerException = null)
        : base(message, innerException) => Error = error;

    /// <summary>Why the write was refused.</summary>
    public StoreError Error { get; }
}
