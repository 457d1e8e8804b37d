using System.Buffers.Binary;
using MCPilot.Tests.Fakes;

namespace MCPilot.AspNetCore.Tests.Npm.Conformance;

/// <summary>The small images and sound the conformance suite's fixtures return.</summary>
internal static class ConformanceFixtureMedia
{
    /// <summary>A 1x1 PNG.</summary>
    public static byte[] Png { get; } = TestImages.Png(1, 1);

    /// <summary>A 10 ms silent WAV (8 kHz, mono, 8-bit PCM).</summary>
    public static byte[] Wav { get; } = SilentWav(80);

    private static byte[] SilentWav(int samples)
    {
        var wav = new byte[44 + samples];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + samples);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16); // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), 8000); // sample rate
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), 8000); // byte rate
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 1); // block align
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 8); // bits per sample
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), samples);
        wav.AsSpan(44).Fill(0x80); // 8-bit PCM silence
        return wav;
    }
}
