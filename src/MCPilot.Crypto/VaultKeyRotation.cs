using MCPilot.Vault;

namespace MCPilot.Crypto;

/// <summary>
/// Re-wraps an owner's encrypted fields under the active master key, across every registered
/// <see cref="IVaultedFieldSource"/>. Run it for every owner after rotating the active key; once
/// no envelope names the old key, the old key can leave the ring.
/// </summary>
public sealed class VaultKeyRotation
{
    private readonly ISecretVault _vault;
    private readonly IEnumerable<IVaultedFieldSource> _sources;

    /// <summary>Creates the service.</summary>
    public VaultKeyRotation(ISecretVault vault, IEnumerable<IVaultedFieldSource> sources)
    {
        _vault = vault;
        _sources = sources;
    }

    /// <summary>Re-wraps every field of <paramref name="owner"/> that is not under the active key.</summary>
    public async Task<VaultRewrapResult> RewrapOwnerAsync(OwnerId owner, CancellationToken cancellationToken = default)
    {
        int rewrapped = 0, current = 0, conflicts = 0;
        foreach (var source in _sources)
        {
            await foreach (var field in source.GetFieldsAsync(owner, cancellationToken).ConfigureAwait(false))
            {
                if (!_vault.NeedsRewrap(field.Envelope))
                {
                    current++;
                    continue;
                }

                var envelope = await _vault.RewrapAsync(field.Binding, field.Envelope, cancellationToken).ConfigureAwait(false);
                if (await source.ReplaceAsync(field, envelope, cancellationToken).ConfigureAwait(false))
                {
                    rewrapped++;
                }
                else
                {
                    conflicts++;
                }
            }
        }

        return new VaultRewrapResult(rewrapped, current, conflicts);
    }
}
