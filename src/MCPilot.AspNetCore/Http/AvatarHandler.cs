using MCPilot.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MCPilot.AspNetCore.Http;

/// <summary>
/// Serves uploaded entity avatars at <c>/mcpilot/avatars/{entityId}/{hash}.{ext}</c>, publicly
/// (Discord fetches them). The hash in the URL changes with the image, so responses are cached forever.
/// </summary>
internal sealed class AvatarHandler(EntityRegistry registry)
{
    public async Task GetAsync(HttpContext context)
    {
        var file = context.GetRouteValue("file") as string ?? string.Empty;
        var dot = file.LastIndexOf('.');
        var hash = dot > 0 ? file[..dot] : file;
        var avatar = context.GetRouteValue("entityId") is string raw && EntityId.TryParse(raw, out var id)
            ? await registry.GetAvatarAsync(id, hash, context.RequestAborted).ConfigureAwait(false)
            : null;
        if (avatar is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = avatar.ContentType;
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.ContentLength = avatar.Content.Length;
        await context.Response.Body.WriteAsync(avatar.Content, context.RequestAborted).ConfigureAwait(false);
    }
}
