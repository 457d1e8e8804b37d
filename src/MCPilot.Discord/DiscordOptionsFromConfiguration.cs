using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MCPilot.Discord;

/// <summary>
/// Binds <see cref="DiscordOptions"/> from <c>MCPilot:Discord</c>, falling back to
/// <c>DISCORD_TOKEN</c> (configuration key or environment variable) for the token.
/// </summary>
internal sealed class DiscordOptionsFromConfiguration(IConfiguration? configuration = null) : IConfigureOptions<DiscordOptions>
{
    public void Configure(DiscordOptions options)
    {
        configuration?.GetSection(DiscordOptions.SectionName).Bind(options);
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            options.Token = configuration?[DiscordOptions.TokenEnvironmentVariable]
                ?? Environment.GetEnvironmentVariable(DiscordOptions.TokenEnvironmentVariable);
        }
    }
}
