namespace MCPilot.Vault;

/// <summary>An encrypted field as a store holds it.</summary>
/// <param name="Binding">The field's place.</param>
/// <param name="Envelope">The field's current envelope.</param>
public sealed record VaultedField(SecretBinding Binding, string Envelope);
