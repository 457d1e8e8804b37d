using System.Buffers.Binary;

namespace MCPilot.Tests.Fakes;

/// <summary>Minimal image headers for tests.</summary>
public static class TestImages
{
    /// <summary>A PNG signature and IHDR chunk of the given size.</summary>
    public static byte[] Png(int width, int height)
    {
        var data = new byte[33];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(data, 0);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 13);
        "IHDR"u8.CopyTo(data.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(20), (uint)height);
        return data;
    }
}
