using System.Net;
using MCPilot.Entities;
using MCPilot.Tests.Fakes;

namespace MCPilot.AspNetCore.Tests.Http;

public sealed class AvatarHandlerTests
{
    [Fact]
    public async Task Get_ReplacedAvatars_OldUrlsServedUpToTheBound()
    {
        await using var host = await EntityHost.StartAsync(publicBaseUrl: true);
        var (entity, _) = await host.CreateEntityAsync("Ada");
        using var client = host.Client();
        var uploads = new List<(Uri Url, byte[] Image)>();

        // The current avatar plus PreviousAvatarsKept older ones stay served; one more upload pushes the oldest out.
        for (var i = 0; i < EntityOptions.PreviousAvatarsKept + 2; i++)
        {
            var image = TestImages.Png(16 + i, 16 + i);
            var updated = await host.Registry.SetAvatarImageAsync(entity.Id, image, TestContext.Current.CancellationToken);
            uploads.Add((updated.AvatarUrl!, image));
        }

        Assert.Equal(uploads.Count, uploads.Select(u => u.Url).Distinct().Count());
        using (var dropped = await client.GetAsync(new Uri(uploads[0].Url.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, dropped.StatusCode);
        }

        foreach (var (url, image) in uploads.Skip(1))
        {
            using var response = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(image, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Get_EntityDeleted_EveryAvatarUrl404()
    {
        await using var host = await EntityHost.StartAsync(publicBaseUrl: true);
        var (entity, _) = await host.CreateEntityAsync("Ada");
        var first = await host.Registry.SetAvatarImageAsync(entity.Id, TestImages.Png(16, 16), TestContext.Current.CancellationToken);
        var second = await host.Registry.SetAvatarImageAsync(entity.Id, TestImages.Png(17, 17), TestContext.Current.CancellationToken);
        using var client = host.Client();

        await host.Registry.DeleteAsync(entity.Id, TestContext.Current.CancellationToken);

        foreach (var url in new[] { first.AvatarUrl!, second.AvatarUrl! })
        {
            using var response = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
