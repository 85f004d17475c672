using System.Text.Json;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>Small request bodies written straight to UTF-8 (no object model in between), through a pooled buffer.</summary>
internal static class JsonBody
{
    // One writer per thread, reset for each body (a new one is 150 bytes a body); taken out while in use, so a body
    // written while another is being written on the same thread gets its own.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] Write(Action<Utf8JsonWriter> properties) => Write(properties, static (writer, write) => write(writer));

    /// <summary>Writes one object: <paramref name="properties"/> writes its members, given <paramref name="state"/> (no closure).</summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> properties)
    {
        using var buffer = new PooledBufferWriter();
        var writer = t_writer;
        t_writer = null;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            writer.WriteStartObject();
            properties(writer, state);
            writer.WriteEndObject();
            writer.Flush();
            return buffer.ToArray();
        }
        finally
        {
            writer.Reset(NoOutput.Instance);
            t_writer = writer;
        }
    }

    public static void OptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Where an idle writer points, so it holds no reference to a returned buffer.</summary>
    private sealed class NoOutput : System.Buffers.IBufferWriter<byte>
    {
        public static readonly NoOutput Instance = new();

        public void Advance(int count) => throw new InvalidOperationException("An idle JSON writer was written to.");

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("An idle JSON writer was written to.");

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("An idle JSON writer was written to.");
    }
}
