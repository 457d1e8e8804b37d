using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace MCPilot.AspNetCore.Authentication;

/// <summary>
/// Decides whether a request may act as an entity. The endpoints ask every registered
/// authenticator in turn; the first principal that opens the entity wins (see
/// <see cref="EntityClaims.CreatePrincipal"/>). The API-key authenticator is built in; OAuth 2.1
/// adds its own. Every failure answers the same 401, so answers never reveal whether an entity exists.
/// </summary>
public interface IEntityAuthenticator
{
    /// <summary>Authenticates the request for <paramref name="entityId"/>.</summary>
    /// <returns>A principal for the entity, or <see langword="null"/> when this authenticator does not accept the request.</returns>
    ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, EntityId entityId, CancellationToken cancellationToken);
}
