using System.Security.Claims;

namespace MCPilot.AspNetCore.Authentication;

/// <summary>The claims an entity principal carries: which entity it may act as, and by which credential.</summary>
public static class EntityClaims
{
    /// <summary>The claim type of the entity id (32 hex digits). A principal opens only this entity.</summary>
    public const string EntityId = "mcpilot:entity";

    /// <summary>The claim type of the credential (API key id, or an OAuth grant) that authenticated the caller.</summary>
    public const string CredentialId = "mcpilot:credential";

    /// <summary>The authentication type of API-key principals.</summary>
    public const string ApiKeyAuthenticationType = "MCPilotApiKey";

    /// <summary>Creates a principal for an entity.</summary>
    public static ClaimsPrincipal CreatePrincipal(MCPilot.EntityId entityId, string credentialId, string authenticationType)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(EntityId, entityId.ToString()),
                new Claim(CredentialId, credentialId),
                new Claim(ClaimTypes.NameIdentifier, $"entity:{entityId}"),
            ],
            authenticationType);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Whether a principal may act as <paramref name="entityId"/>.</summary>
    public static bool Opens(this ClaimsPrincipal principal, MCPilot.EntityId entityId)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.IsAuthenticated == true
            && principal.FindFirst(EntityId)?.Value is { } claimed
            && MCPilot.EntityId.TryParse(claimed, out var id) && id == entityId;
    }
}
