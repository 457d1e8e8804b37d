namespace MCPilot.Vault;

/// <summary>
/// The place a secret belongs to: its owner, the record that holds it and the field within
/// that record. The vault authenticates the binding with the ciphertext, so an envelope copied
/// to another owner, record or field fails to decrypt.
/// </summary>
/// <param name="Owner">Whose key encrypts the secret.</param>
/// <param name="RecordId">The id of the record holding the secret, e.g. a server registration id.</param>
/// <param name="Field">The field within the record, e.g. <c>headers.Authorization</c>.</param>
public readonly record struct SecretBinding(OwnerId Owner, string RecordId, string Field);
