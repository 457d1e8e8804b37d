using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MCPilot.AspNetCore.Tests.Http;

/// <summary>Hand-made MCP HTTP requests, for what SDK clients never send.</summary>
public static class RawHttp
{
    public const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    public static HttpRequestMessage Post(Uri url, string body, string? key = null, string? session = null, string contentType = "application/json", string accept = "application/json, text/event-stream")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
        }

        return request;
    }

    public static async Task<string> InitializeAsync(HttpClient client, Uri url, string key)
    {
        using var response = await client.SendAsync(Post(url, Initialize, key), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }

    /// <summary>Reads a JSON-RPC error body: (code, message).</summary>
    public static async Task<(int Code, string Message, JsonElement Error)> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var error = document.RootElement.GetProperty("error").Clone();
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!, error);
    }
}
