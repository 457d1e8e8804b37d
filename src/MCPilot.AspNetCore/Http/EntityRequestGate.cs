using System.Security.Claims;
using MCPilot.AspNetCore.Authentication;
using MCPilot.AspNetCore.Security;
using MCPilot.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace MCPilot.AspNetCore.Http;

/// <summary>An authenticated entity request.</summary>
/// <param name="EntityId">The entity the request acts as.</param>
/// <param name="User">The principal the authenticator produced.</param>
internal sealed record EntityRequest(EntityId EntityId, ClaimsPrincipal User)
{
    /// <summary>The credential that authenticated the request (an API key id, or an OAuth grant).</summary>
    public string? CredentialId => User.FindFirst(EntityClaims.CredentialId)?.Value;
}

/// <summary>
/// The checks every entity MCP request passes first: Host and Origin (DNS-rebinding protection),
/// then authentication for the entity in the path. Every authentication failure (no key, a wrong
/// key, another entity's key, a malformed or unknown entity id) gets the same 401.
/// </summary>
internal sealed class EntityRequestGate(RequestOriginValidator origins, IEnumerable<IEntityAuthenticator> authenticators, EntityRegistry registry)
{
    private readonly IEntityAuthenticator[] _authenticators = [.. authenticators];

    /// <summary>Admits the request, or writes the refusal and returns <see langword="null"/>.</summary>
    public async Task<EntityRequest?> AdmitAsync(HttpContext context)
    {
        if (origins.Check(context.Request) is { } refusal)
        {
            await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status403Forbidden, JsonRpcHttp.ServerError, refusal).ConfigureAwait(false);
            return null;
        }

        if (context.GetRouteValue("entityId") is string raw && EntityId.TryParse(raw, out var entityId))
        {
            foreach (var authenticator in _authenticators)
            {
                var principal = await authenticator.AuthenticateAsync(context, entityId, context.RequestAborted).ConfigureAwait(false);
                if (principal is not null && principal.Opens(entityId)
                    && await registry.GetAsync(entityId, context.RequestAborted).ConfigureAwait(false) is not null)
                {
                    context.User = principal;
                    return new EntityRequest(entityId, principal);
                }
            }
        }

        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"mcpilot\"";
        await JsonRpcHttp.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, JsonRpcHttp.ServerError,
            "Unauthorized: send this entity's API key as 'Authorization: Bearer <key>'" +
            "." +
            " The key must belong to the entity named in the URL, and must not be revoked or expired.").ConfigureAwait(false);
        return null;
    }
}
