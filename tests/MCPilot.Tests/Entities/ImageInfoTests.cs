using System.Buffers.Binary;
using MCPilot.Entities;
using MCPilot.Tests.Fakes;

namespace MCPilot.Tests.Entities;

public sealed class ImageInfoTests
{
    [Fact]
    public void TryRead_Png_ReadsSize() => Assert.Equal(new ImageInfo("image/png", "png", 128, 64), ImageInfo.TryRead(TestImages.Png(128, 64)));

    [Fact]
    public void TryRead_Gif_ReadsSize()
    {
        byte[] gif = [.. "GIF89a"u8, 0x40, 0x00, 0x40, 0x00, 0, 0, 0];

        Assert.Equal(new ImageInfo("image/gif", "gif", 64, 64), ImageInfo.TryRead(gif));
    }

    [Fact]
    public void TryRead_JpegWithAppSegmentFirst_ReadsSizeFromFrameHeader()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0,
            0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00,
            0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0x00, 0x02, 0x00, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
        ];

        Assert.Equal(new ImageInfo("image/jpeg", "jpg", 512, 256), ImageInfo.TryRead(jpeg));
    }

    [Theory]
    [InlineData("VP8 ")]
    [InlineData("VP8L")]
    [InlineData("VP8X")]
    public void TryRead_WebPVariants_ReadSize(string chunk)
    {
        var data = new byte[40];
        "RIFF"u8.CopyTo(data);
        "WEBP"u8.CopyTo(data.AsSpan(8));
        System.Text.Encoding.ASCII.GetBytes(chunk).CopyTo(data.AsSpan(12));
        switch (chunk)
        {
            case "VP8 ":
                data[23] = 0x9D;
                data[24] = 0x01;
                data[25] = 0x2A;
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(26), 300);
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(28), 300);
                break;
            case "VP8L":
                data[20] = 0x2F;
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(21), 299u | (299u << 14));
                break;
            default:
                data[24] = 299 & 0xFF;
                data[25] = 299 >> 8;
                data[27] = 299 & 0xFF;
                data[28] = 299 >> 8;
                break;
        }

        var info = ImageInfo.TryRead(data);

        Assert.Equal(("image/webp", 300, 300), (info?.ContentType, info?.Width, info?.Height));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 })]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 0, 0, 1, 0 })]
    public void TryRead_NotAnImageOrDamaged_Null(byte[] data) => Assert.Null(ImageInfo.TryRead(data));
}
