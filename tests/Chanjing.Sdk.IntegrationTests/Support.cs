using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests;

internal static class Support
{
    public static ChanjingEmulatorOptions FastEmulator(TimeProvider? time = null) => new()
    {
        QueuedDuration = TimeSpan.FromMilliseconds(100),
        GeneratingDuration = TimeSpan.FromMilliseconds(200),
        FileReadyDelay = TimeSpan.FromMilliseconds(50),
        TimeProvider = time ?? TimeProvider.System,
    };

    public static ChanjingOptions Options(ChanjingEmulator emulator, Action<ChanjingOptions>? configure = null)
    {
        var options = new ChanjingOptions
        {
            BaseAddress = emulator.BaseAddress,
            AppId = emulator.AppId,
            SecretKey = emulator.SecretKey,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            ReconciliationDelay = TimeSpan.FromMilliseconds(10),
            FileReadyPollInterval = TimeSpan.FromMilliseconds(20),
            TimeProvider = emulator.Options.TimeProvider,
        };
        configure?.Invoke(options);
        return options;
    }

    public static ChanjingClient Client(ChanjingEmulator emulator, Action<ChanjingOptions>? configure = null) => new(Options(emulator, configure));

    public static WaitOptions FastWait => new() { PollInterval = TimeSpan.FromMilliseconds(50), MaxPollInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(30) };

    public static ReferenceVideoRequest Request(string prompt = "a horse gallops across the grassland") => new()
    {
        Prompt = prompt,
        ReferenceImageUrls = { new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg"), new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg") },
    };

    public static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    /// <summary>A real PNG image (RGB, zlib-compressed scanlines, CRC-checked chunks).</summary>
    public static byte[] Png(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(output, "IHDR", header);
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                for (var x = 0; x < width; x++)
                {
                    zlib.Write([(byte)(x * 255 / width), (byte)(y * 255 / height), 128]);
                }
            }
        }

        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
