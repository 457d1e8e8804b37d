using Microsoft.Extensions.Options;

namespace MCPilot.AspNetCore;

/// <summary>Cross-field checks of <see cref="EntityEndpointOptions"/>.</summary>
internal sealed class EntityEndpointOptionsValidator : IValidateOptions<EntityEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, EntityEndpointOptions options)
    {
        var failures = new List<string>();
        if (options.ReapInterval > options.IdleTimeout)
        {
            failures.Add($"MCPilot:Endpoints:ReapInterval ({options.ReapInterval}) is longer than MCPilot:Endpoints:IdleTimeout ({options.IdleTimeout}); idle sessions would outlive their timeout. Shorten ReapInterval.");
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (origin != "*" && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Scheme is not ("http" or "https")))
            {
                failures.Add($"MCPilot:Endpoints:AllowedOrigins has '{origin}', which is not an origin. Write it as scheme://host[:port], e.g. https://claude.ai.");
            }
        }

        foreach (var path in new[] { options.HealthPath, options.ReadinessPath })
        {
            if (path is not null && !path.StartsWith('/'))
            {
                failures.Add($"MCPilot:Endpoints health paths must start with '/'; '{path}' does not.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
