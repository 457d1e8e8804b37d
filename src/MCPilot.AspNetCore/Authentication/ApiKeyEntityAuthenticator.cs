using System.Globalization;
using System.Security.Claims;
using MCPilot.AspNetCore.Security;
using MCPilot.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MCPilot.AspNetCore.Authentication;

/// <summary>
/// Accepts an entity API key from <c>Authorization: Bearer &lt;key&gt;</c>, or from the path when
/// <see cref="EntityEndpointOptions.AllowKeyInPath"/> is on (the key was moved out of the path
/// before logging; see <see cref="UrlKeyFeature"/>).
/// </summary>
internal sealed class ApiKeyEntityAuthenticator(EntityKeys keys, IOptionsMonitor<EntityEndpointOptions> options) : IEntityAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext context, EntityId entityId, CancellationToken cancellationToken)
    {
        var key = ReadBearer(context.Request) ?? (options.CurrentValue.AllowKeyInPath ? context.Features.Get<UrlKeyFeature>()?.Key : null);
        if (key is null)
        {
            return null;
        }

        var credential = await keys.AuthenticateAsync(key, entityId, cancellationToken).ConfigureAwait(false);
        return credential is null
            ? null
            : EntityClaims.CreatePrincipal(entityId, CredentialId(credential.Id), EntityClaims.ApiKeyAuthenticationType);
    }

    /// <summary>The <see cref="EntityClaims.CredentialId"/> claim value of an API key.</summary>
    internal static string CredentialId(Guid credentialId) => credentialId.ToString("N", CultureInfo.InvariantCulture);

    private static string? ReadBearer(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization];
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = value[BearerPrefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
