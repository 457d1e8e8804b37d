using ModelContextProtocol.Client;

namespace MCPilot.AspNetCore.Tests;

/// <summary>Connects the C# SDK client (ModelContextProtocol.Core 2.3.1) to an entity.</summary>
public static class McpClients
{
    public static Task<McpClient> ConnectAsync(Uri endpoint, string? key, string? protocolVersion = "2025-11-25", HttpTransportMode mode = HttpTransportMode.StreamableHttp)
    {
        var headers = new Dictionary<string, string>();
        if (key is not null)
        {
            headers["Authorization"] = "Bearer " + key;
        }

        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = mode, AdditionalHeaders = headers });
        return McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocolVersion }, cancellationToken: TestContext.Current.CancellationToken);
    }
}
