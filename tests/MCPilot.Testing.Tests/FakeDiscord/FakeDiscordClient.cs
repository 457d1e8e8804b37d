using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MCPilot.Testing.FakeDiscord;

namespace MCPilot.Testing.Tests.FakeDiscord;

/// <summary>A raw HTTP client for FakeDiscord, sending what a Discord library would.</summary>
internal sealed class FakeDiscordClient(FakeDiscordServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.ApiBaseUrl };

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, object? body = null, bool auth = true, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.com/tests, 1.0)");
        if (auth)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bot " + (token ?? server.BotToken));
        }

        if (body is not null)
        {
            request.Content = body is string text ? new StringContent(text, Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, raw.Length == 0 || !raw.StartsWith('{') && !raw.StartsWith('[') ? null : JsonNode.Parse(raw), response);
    }

    public void Dispose() => _http.Dispose();
}
