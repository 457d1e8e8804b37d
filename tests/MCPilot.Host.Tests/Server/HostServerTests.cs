using MCPilot.Host.Cli;

namespace MCPilot.Host.Tests.Server;

public sealed class HostServerTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Theory]
    [InlineData("--urls=localhost:5180", "urls: 'localhost:5180' is not a listening address")]
    [InlineData("--MCPilot:InstanceName=Not Valid", "MCPilot:InstanceName")]
    [InlineData("--MCPilot:Storage:Provider=PostgreSql", "MCPilot:Storage:ConnectionString is required")]
    [InlineData("--MCPilot:Entities:FeedCapacity=0", "The field MCPilot:Entities:FeedCapacity must be between 1 and 100000.")]
    [InlineData("--DISCORD_TOKEN=x.y.z", "openssl rand -base64 32")]
    [InlineData("--MCPilot:Discord:Token=Bot x.y.z", "MCPilot:Discord:Token starts with 'Bot '")]
    [InlineData("--MCPilot:Discord:Gateway:ShardCount=0", "The field MCPilot:Discord:Gateway:ShardCount must be between 1 and 1000000.")]
    [InlineData("--MCPilot:Discord:Gateway:EventBufferCapacity=0", "The field MCPilot:Discord:Gateway:EventBufferCapacity must be between 1 and 10000000.")]
    [InlineData("--MCPilot:Entities:Commands:LeaderboardSize=0", "The field MCPilot:Entities:Commands:LeaderboardSize must be between 1 and 25.")]
    [InlineData("--MCPilot:Entities:Commands:ProvenanceInterval=00:00:00", "The field MCPilot:Entities:Commands:ProvenanceInterval must be between 00:00:01 and 1.00:00:00.")]
    public async Task Start_BadSetting_StopsWithAMessageNamingIt(string setting, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var secret = setting.Contains("Bot x", StringComparison.Ordinal) ? $"--MCPilot:Vault:MasterSecret={Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray())}" : "--Logging:LogLevel:Default=None";

        var exit = await HostCommandLine.RunAsync(["--data-dir", _data.Path, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None", secret, setting], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(CliAction.Failure, exit);
        Assert.StartsWith("The host did not start: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(error.ToString(), expected));
        Assert.Equal(1, Occurrences(error.ToString(), "The host did not start"));
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("x.y.z", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_data.File("host.json")));
    }

    [Fact]
    public async Task Start_PortInUse_StopsWithTheReason()
    {
        await using var first = await InProcessHost.StartAsync(_data.Path);
        using var other = new TestDataDirectory();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await HostCommandLine.RunAsync(["--data-dir", other.Path, $"--urls={first.BaseUrl}", "--Logging:LogLevel:Default=None"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(CliAction.Failure, exit);
        Assert.Contains("address already in use", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Start_DefaultListener_IsLoopback()
    {
        var host = await MCPilot.Host.Server.HostServer.BuildAsync([$"--Host:DataDirectory={_data.Path}", "--urls="], TextWriter.Null);
        await using (host)
        {
            Assert.Equal(MCPilot.Host.Composition.HostListeners.DefaultUrl, host.App.Configuration["urls"]);
        }
    }

    [Fact]
    public async Task Start_PublicBaseUrl_ItsHostIsAcceptedAndOtherNamesAreNot()
    {
        await using var host = await InProcessHost.StartAsync(_data.Path, "--MCPilot:PublicBaseUrl=https://bot.example.com/");

        Assert.Equal(System.Net.HttpStatusCode.OK, await StatusForHostAsync(host, "bot.example.com"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, await StatusForHostAsync(host, "evil.example.net"));
    }

    public void Dispose() => _data.Dispose();

    private static int Occurrences(string text, string fragment) => (text.Length - text.Replace(fragment, "", StringComparison.Ordinal).Length) / fragment.Length;

    private static async Task<System.Net.HttpStatusCode> StatusForHostAsync(InProcessHost host, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/healthz", UriKind.Relative));
        request.Headers.Host = name;
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
