using System.Globalization;
using System.Net;
using MCPilot.Host.Status;
using MCPilot.Host.Tests.Playground;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Host.Tests.Status;

public sealed class HostProcessStatusSourceTests : IDisposable
{
    private readonly TestDataDirectory _first = new();
    private readonly TestDataDirectory _second = new();

    [Fact]
    public async Task ReadAsync_TwoHostsInOneProcess_EachCountsItsOwnSessions()
    {
        await using var one = await InProcessHost.StartAsync(_first.Path);
        await using var two = await InProcessHost.StartAsync(_second.Path);
        await one.WaitReadyAsync();
        await two.WaitReadyAsync();

        await OpenSessionAsync(one);
        await OpenSessionAsync(two);
        await OpenSessionAsync(two);

        Assert.Equal(1, await OpenSessionsAsync(one));
        Assert.Equal(2, await OpenSessionsAsync(two));
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    private static async Task OpenSessionAsync(InProcessHost host)
    {
        using var response = await PlaygroundTests.InitializeAsync(host, host.Demo.Entity.Id, host.Demo.Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<int> OpenSessionsAsync(InProcessHost host)
    {
        var report = await host.Services.GetRequiredService<HostStatus>().ReadAsync(HostStatusScope.Live, TestContext.Current.CancellationToken);
        var section = Assert.Single(report.Sections, s => s.Name == HostProcessStatusSource.SectionName);
        return int.Parse(section.Fields[HostProcessStatusSource.OpenSessionsField]!.ToJsonString(), CultureInfo.InvariantCulture);
    }
}
