#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
#endif

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>The one-pass reader of a create's answer: <c>data</c> is the new job's id.</summary>
internal static partial class TaskFastReader
{
#if NET8_0_OR_GREATER
    private static readonly DataReader<string> IdData = TryReadId;

    /// <summary>
    /// The fast reader of a create whose <c>data</c> is the new id (the AI-creation submit, and the product creates that
    /// answer an id string): a plain, non-empty string without escapes or control characters; anything else is declined
    /// and read the usual way (<see cref="TaskReader.ReadTaskId"/>, <see cref="JobPages.ReadId"/>).
    /// </summary>
    public static readonly FastEnvelopeReader<string>? Id = static (ReadOnlyMemory<byte> body, [MaybeNullWhen(false)] out string result) =>
        TryReadEnvelope(body, IdData, out result);

    private static bool TryReadId(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length == 0)
        {
            return false;
        }

        var text = reader.GetString()!;
        if (Guard.HasControl(text))
        {
            return false;
        }

        id = text;
        return true;
    }
#else
    /// <summary>No one-pass reader before .NET 8.</summary>
    public static readonly FastEnvelopeReader<string>? Id = null;
#endif
}
