using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord.Gateway;

/// <summary>Binds <see cref="GatewayOptions"/> from <c>MCPilot:Discord:Gateway</c> when configuration is registered.</summary>
internal sealed class GatewayOptionsFromConfiguration(IConfiguration? configuration = null) : IConfigureOptions<GatewayOptions>
{
    public void Configure(GatewayOptions options) => configuration?.GetSection(GatewayOptions.SectionName).Bind(options);
}
