using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MCPilot.AspNetCore.Tests.Npm.Conformance;

/// <summary>
/// The fixture resources of @modelcontextprotocol/conformance's server scenarios (resources-read-*,
/// resources-templates-read, resources-subscribe, resources-unsubscribe), served as an entity plugin
/// with <c>AddEntityResources&lt;ConformanceFixtureResources&gt;()</c>.
/// </summary>
[McpServerResourceType]
public sealed class ConformanceFixtureResources
{
    [McpServerResource(UriTemplate = "test://static-text", Name = "static-text", MimeType = "text/plain"), Description("A static text resource.")]
    public static string StaticText() => "This is the content of the static text resource.";

    [McpServerResource(UriTemplate = "test://static-binary", Name = "static-binary", MimeType = "image/png"), Description("A static binary resource.")]
    public static ResourceContents StaticBinary() => BlobResourceContents.FromBytes(ConformanceFixtureMedia.Png, "test://static-binary", "image/png");

    [McpServerResource(UriTemplate = "test://template/{id}/data", Name = "template-data", MimeType = "application/json"), Description("A resource template with an id.")]
    public static string TemplateData(string id) => $$"""{"id":"{{id}}","templateTest":true,"data":"Data for ID: {{id}}"}""";

    [McpServerResource(UriTemplate = "test://watched-resource", Name = "watched-resource", MimeType = "text/plain"), Description("A resource clients subscribe to.")]
    public static string WatchedResource() => "Watched resource content.";
}
