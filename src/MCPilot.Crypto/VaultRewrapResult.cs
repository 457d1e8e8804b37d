namespace MCPilot.Crypto;

/// <summary>What a re-wrap did.</summary>
/// <param name="Rewrapped">Fields re-encrypted under the active key.</param>
/// <param name="Current">Fields already under the active key.</param>
/// <param name="Conflicts">Fields that changed while being re-wrapped, left alone (run again).</param>
public readonly record struct VaultRewrapResult(int Rewrapped, int Current, int Conflicts);
