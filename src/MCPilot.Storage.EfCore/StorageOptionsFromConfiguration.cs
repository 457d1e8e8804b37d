using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MCPilot.Storage.EfCore;

/// <summary>Binds <see cref="StorageOptions"/> from <c>MCPilot:Storage</c> when the host has configuration (a bare service collection may not).</summary>
internal sealed class StorageOptionsFromConfiguration(IConfiguration? configuration = null) : IConfigureOptions<StorageOptions>
{
    public void Configure(StorageOptions options) => configuration?.GetSection(StorageOptions.SectionName).Bind(options);
}
