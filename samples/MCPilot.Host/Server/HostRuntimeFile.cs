using System.Text.Json;
using MCPilot.Host.Composition;

namespace MCPilot.Host.Server;

/// <summary>Reads and writes <c>host.json</c> in the data directory (see <see cref="HostRuntimeInfo"/>).</summary>
internal static class HostRuntimeFile
{
    public const string FileName = "host.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>Writes the file with owner-only permissions, replacing an older one.</summary>
    public static void Write(string dataDirectory, HostRuntimeInfo info)
    {
        var path = PathIn(dataDirectory);
        var temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        using (var stream = OwnerOnlyFile.Create(temporary))
        {
            JsonSerializer.Serialize(stream, info, HostJson.Default.HostRuntimeInfo);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The running host's description, or <see langword="null"/> when no host wrote one (or it is unreadable).</summary>
    public static HostRuntimeInfo? TryRead(string dataDirectory)
    {
        try
        {
            using var stream = File.OpenRead(PathIn(dataDirectory));
            return JsonSerializer.Deserialize(stream, HostJson.Default.HostRuntimeInfo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes the file if this process wrote it (a newer host may have replaced it).</summary>
    public static void DeleteIfOurs(string dataDirectory)
    {
        if (TryRead(dataDirectory) is { } info && info.ProcessId == Environment.ProcessId)
        {
            File.Delete(PathIn(dataDirectory));
        }
    }
}
