#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;
#endif

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>
/// Issue 28: the task lookup and the task list read in one <see cref="System.Text.Json.Utf8JsonReader"/> pass over the
/// body (no <see cref="System.Text.Json.JsonDocument"/>), giving exactly what <see cref="Http.ResponseReader"/> with
/// <see cref="TaskReader"/> and <see cref="TaskPage"/> give, or declining. It declines whatever it is not sure of rather
/// than repeating every tolerance of the usual readers: a non-zero or non-integer <c>code</c>, a property named twice or
/// with escapes where it reads, an unexpected type, a value the usual reader would refuse, a body that is not valid UTF-8
/// or not valid JSON. Tests hold it to the usual path on generated bodies (FastReaderDifferentialTests).
/// </summary>
/// <remarks>
/// .NET 8 and later only (null readers elsewhere). The body is checked to be valid UTF-8 first: on .NET 8 a task's RawJson
/// is copied through a string, which refuses invalid UTF-8, so a valid body keeps the slice and the copy byte for byte
/// equal; and a URL can stay a slice of the body until its list is read.
/// </remarks>
internal static partial class TaskFastReader
{
#if NET8_0_OR_GREATER
    private delegate bool DataReader<T>(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, [NotNullWhen(true)] out T? value)
        where T : class;

    // Made once: a method group passed where a delegate is expected may make a new delegate per call.
    private static readonly DataReader<CreationTask> TaskData = TryReadTask;
    private static readonly DataReader<TaskPage> PageData = TryReadPage;

    /// <summary>The fast reader of <c>GET /open/v1/ai_creation/task</c>.</summary>
    public static readonly FastEnvelopeReader<CreationTask>? Task = static (ReadOnlyMemory<byte> body, [MaybeNullWhen(false)] out CreationTask result) =>
        TryReadEnvelope(body, TaskData, out result);

    /// <summary>The fast reader of <c>POST /open/v1/ai_creation/task/page</c>.</summary>
    public static readonly FastEnvelopeReader<TaskPage>? Page = static (ReadOnlyMemory<byte> body, [MaybeNullWhen(false)] out TaskPage result) =>
        TryReadEnvelope(body, PageData, out result);

    private static readonly FieldNames EnvelopeFields = new("code", "msg", "trace_id", "data");
    private static readonly FieldNames PageFields = new("list", "total", "page_info");
    private static readonly FieldNames PageInfoFields = new("total_page", "total_count");

    private static bool TryReadEnvelope<T>(ReadOnlyMemory<byte> body, DataReader<T> readData, [NotNullWhen(true)] out T? result)
        where T : class
    {
        result = null;
        try
        {
            if (!Utf8.IsValid(body.Span))
            {
                return false;
            }

            var reader = new Utf8JsonReader(body.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var seen = 0;
            T? data = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!TryField(ref reader, EnvelopeFields, ref seen, out var field))
                {
                    return false;
                }

                switch (field)
                {
                    case 0:
                        // The usual reader: a number that is an Int32; only 0 is a success this reader takes.
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var code) || code != 0)
                        {
                            return false;
                        }

                        break;
                    case 1 or 2:
                        // Read only to find out whether reading it fails (a string with an invalid escape).
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
                        {
                            _ = reader.GetString();
                        }

                        reader.Skip();
                        break;
                    case 3:
                        if (!readData(ref reader, body, out data))
                        {
                            return false;
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            // The code and the data present, and nothing after the envelope (the reader throws on more than whitespace).
            if ((seen & 0b1001) != 0b1001 || data is null || reader.Read())
            {
                return false;
            }

            result = data;
            return true;
        }
        catch (Exception)
        {
            // Whatever the usual reader makes of this body (a typed error or a result), it will make it again.
            return false;
        }
    }

    /// <summary>Reads <c>{list, total, page_info}</c> as <see cref="TaskPage.Read(JsonElement, ReadOnlyMemory{byte})"/> does.</summary>
    private static bool TryReadPage(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, [NotNullWhen(true)] out TaskPage? page)
    {
        page = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        List<CreationTask>? tasks = null;
        long? total = null, totalPage = null, totalCount = null;
        var info = false;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryField(ref reader, PageFields, ref seen, out var field))
            {
                return false;
            }

            switch (field)
            {
                case 0 when reader.TokenType == JsonTokenType.StartArray:
                    tasks = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (!TryReadTask(ref reader, body, out var task))
                        {
                            return false;
                        }

                        tasks.Add(task);
                    }

                    break;
                case 0 when reader.TokenType != JsonTokenType.Null:
                    return false;
                case 1:
                    if (!TryInt64(ref reader, out total))
                    {
                        return false;
                    }

                    break;
                case 2 when reader.TokenType == JsonTokenType.StartObject:
                    info = true;
                    var infoSeen = 0;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (!TryField(ref reader, PageInfoFields, ref infoSeen, out var infoField)
                            || !(infoField switch
                            {
                                0 => TryInt64(ref reader, out totalPage),
                                1 => TryInt64(ref reader, out totalCount),
                                _ => Skip(ref reader),
                            }))
                        {
                            return false;
                        }
                    }

                    break;
                default:
                    // An unknown field, a null list, or a page_info that is not an object (ignored as the usual reader does).
                    reader.Skip();
                    break;
            }
        }

        tasks ??= [];
        var count = (int)(total ?? tasks.Count);
        var pages = 1;
        if (info)
        {
            pages = (int)(totalPage ?? 1);
            count = (int)(totalCount ?? count);
        }

        page = new TaskPage(tasks, pages, count);
        return true;
    }

    /// <summary>
    /// Moves from a property name to its value after matching the name against <paramref name="names"/>: false for a name
    /// with escapes (it might spell a known one) or a known name seen before. <paramref name="field"/> is the index, or -1.
    /// </summary>
    private static bool TryField(ref Utf8JsonReader reader, FieldNames names, ref int seen, out int field)
    {
        field = -1;
        if (reader.ValueIsEscaped)
        {
            return false;
        }

        field = names.Find(reader.ValueSpan);
        if (field >= 0)
        {
            if ((seen & (1 << field)) != 0)
            {
                return false;
            }

            seen |= 1 << field;
        }

        return reader.Read();
    }

    private static bool Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }
#else
    /// <summary>No fast reader before .NET 8.</summary>
    public static readonly FastEnvelopeReader<CreationTask>? Task;

    /// <summary>No fast reader before .NET 8.</summary>
    public static readonly FastEnvelopeReader<TaskPage>? Page;
#endif
}
