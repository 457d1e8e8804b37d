namespace MCPilot.Discord.Rest;

/// <summary>What a retry of a request that may have reached Discord could do.</summary>
internal enum RetrySafety
{
    /// <summary>Repeating it is harmless (reads, PUT, PATCH, DELETE, and message creation guarded by an enforced nonce).</summary>
    Idempotent,

    /// <summary>Repeating it could duplicate, so the next attempt first checks whether the last one took effect (webhook executions).</summary>
    Reconcile,

    /// <summary>Retry only failures that prove the request never left (connection refused, DNS): creations without a guard.</summary>
    BeforeSendOnly,
}
