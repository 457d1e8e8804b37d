namespace MCPilot.Storage.EfCore.Model;

/// <summary>A row of <c>mcpilot_owner_salts</c>: the vault's per-owner key material.</summary>
internal sealed class OwnerSaltRow
{
    public string Owner { get; set; } = "";

    public byte[] Salt { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
