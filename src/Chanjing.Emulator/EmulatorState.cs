using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Emulator;

/// <summary>A response the emulator is about to send (faults may still change how it is sent).</summary>
internal sealed record EmulatorResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static EmulatorResponse Envelope(int code, string msg, JsonNode? data)
    {
        var envelope = new JsonObject
        {
            ["trace_id"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            ["code"] = code,
            ["msg"] = msg,
            ["data"] = data,
        };
        return new EmulatorResponse(200, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(envelope.ToJsonString()));
    }

    public static EmulatorResponse Ok(JsonNode? data) => Envelope(0, "success", data);

    public static EmulatorResponse Html(int status) => new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(
        $"<html>\r\n<head><title>{status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>{status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"));
}

/// <summary>Everything the emulated service knows: tokens, tasks, uploads, scripted faults and the journal. Thread-safe.</summary>
internal sealed class EmulatorState(ChanjingEmulatorOptions options)
{
    internal static readonly HashSet<string> VideoModels = new(StringComparer.Ordinal) { "happyhorse-1.0-r2v", "happyhorse-1.0-i2v", "tx_kling-v2-1-master", "MiniMax-Hailuo-02" };
    internal static readonly HashSet<string> ImageModels = new(StringComparer.Ordinal) { "doubao-seedream-4.5" };

    private readonly object _gate = new();
    private readonly List<TaskRecord> _tasks = [];
    private readonly Dictionary<string, TaskRecord> _tasksById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileRecord> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Token, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Window, int Count)> _rates = new(StringComparer.Ordinal);
    private readonly List<(EmulatorEndpoint Endpoint, EmulatorFault Fault)> _faults = [];
    private readonly List<EmulatorRequest> _journal = [];
    private readonly Dictionary<string, byte[]> _outputs = new(StringComparer.Ordinal);
    private long _nextId = 1;

    public ChanjingEmulatorOptions Options => options;

    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

    public int TokensIssued { get; private set; }

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public void AddFault(EmulatorEndpoint endpoint, EmulatorFault fault, int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Add((endpoint, fault));
            }
        }
    }

    public EmulatorFault? TakeFault(EmulatorEndpoint endpoint)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Endpoint == endpoint || f.Endpoint == EmulatorEndpoint.Any);
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    public void Record(EmulatorRequest request)
    {
        lock (_gate)
        {
            _journal.Add(request);
        }
    }

    public IReadOnlyList<EmulatorRequest> Journal()
    {
        lock (_gate)
        {
            return [.. _journal];
        }
    }

    public void ClearJournal()
    {
        lock (_gate)
        {
            _journal.Clear();
        }
    }

    public int TaskCount
    {
        get
        {
            lock (_gate)
            {
                return _tasks.Count;
            }
        }
    }

    public void SetOutcome(string taskId, string status, string? errorMessage)
    {
        lock (_gate)
        {
            var task = _tasksById.TryGetValue(taskId, out var t) ? t : throw new KeyNotFoundException($"No task {taskId}.");
            task.ForcedStatus = status;
            task.ForcedError = errorMessage;
        }
    }

    public byte[] OutputBytes(string taskId)
    {
        lock (_gate)
        {
            return OutputBytesLocked(taskId);
        }
    }

    /// <summary>Checks the <c>access_token</c> header (and the per-token rate): null when the call may proceed.</summary>
    public EmulatorResponse? Authenticate(string? token)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(options.AppId, out var current) || current.Token != token || current.ExpiresAt <= Now)
            {
                return EmulatorResponse.Envelope(10400, "AccessToken验证失败", null);
            }

            if (options.RequestsPerSecondPerToken is { } limit)
            {
                var window = Now.ToUnixTimeMilliseconds() / 1000;
                var rate = _rates.TryGetValue(token, out var r) && r.Window == window ? (window, r.Count + 1) : (window, 1);
                _rates[token] = rate;
                if (rate.Item2 > limit)
                {
                    return EmulatorResponse.Envelope(40001, "请求超过QPS限制", null);
                }
            }

            return null;
        }
    }

    public EmulatorResponse IssueToken(JsonObject body)
    {
        var appId = body["app_id"]?.GetValueKind() == JsonValueKind.String ? (string?)body["app_id"] : null;
        var secret = body["secret_key"]?.GetValueKind() == JsonValueKind.String ? (string?)body["secret_key"] : null;
        if (string.IsNullOrEmpty(appId) || string.IsNullOrEmpty(secret))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: app_id 和 secret_key 必填", null);
        }

        if (appId != options.AppId || secret != options.SecretKey)
        {
            return EmulatorResponse.Envelope(40000, "app_id 或 secret_key 错误", null);
        }

        lock (_gate)
        {
            // Issuing a token invalidates the previous one of the same app id, as the real service does.
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
            var expires = Now + options.TokenLifetime;
            _tokens[appId] = (token, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
            TokensIssued++;
            return EmulatorResponse.Ok(new JsonObject { ["access_token"] = token, ["expire_in"] = expires.ToUnixTimeSeconds() });
        }
    }

    /// <summary>Invalidates the current token, as another process fetching a new one would.</summary>
    public void InvalidateToken()
    {
        lock (_gate)
        {
            _tokens.Remove(options.AppId);
        }
    }

    public EmulatorResponse Submit(JsonObject body)
    {
        if (ValidateSubmit(body) is { } error)
        {
            return EmulatorResponse.Envelope(40000, "参数错误: " + error, null);
        }

        var images = body["ref_img_url"]!.AsArray().Select(n => (string)n!).ToList();
        var model = (string)body["model_code"]!;
        var record = new TaskRecord
        {
            UniqueId = Guid.NewGuid().ToString(),
            CreatedAt = Now,
            Type = (int)body["creation_type"]!,
            Prompt = (string)body["ref_prompt"]!,
            Images = images,
            AspectRatio = (string)body["aspect_ratio"]!,
            Clarity = (int)body["clarity"]!,
            Duration = body["video_duration"] is { } d ? (int)d : 0,
            ModelCode = model,
            QualityMode = body["quality_mode"]?.GetValueKind() == JsonValueKind.String ? (string)body["quality_mode"]! : string.Empty,
        };
        lock (_gate)
        {
            record.Id = _nextId++;
            _tasks.Add(record);
            _tasksById[record.UniqueId] = record;
        }

        return EmulatorResponse.Ok(JsonValue.Create(record.UniqueId));
    }

    private static string? ValidateSubmit(JsonObject body)
    {
        if (body["ref_img_url"] is not JsonArray images || images.Count == 0)
        {
            return "ref_img_url 必须是非空数组";
        }

        if (images.Any(i => i?.GetValueKind() != JsonValueKind.String || !Uri.TryCreate((string)i!, UriKind.Absolute, out _)))
        {
            return "ref_img_url 必须是图片URL";
        }

        if (body["ref_prompt"]?.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string)body["ref_prompt"]!))
        {
            return "ref_prompt 必填";
        }

        if (body["model_code"]?.GetValueKind() != JsonValueKind.String)
        {
            return "model_code 必填";
        }

        var model = (string)body["model_code"]!;
        var isVideo = VideoModels.Contains(model);
        if (!isVideo && !ImageModels.Contains(model))
        {
            return $"model_code {model} 不存在";
        }

        if (body["creation_type"]?.GetValueKind() != JsonValueKind.Number || (int)body["creation_type"]! != (isVideo ? 4 : 3))
        {
            return $"creation_type 必须为 {(isVideo ? 4 : 3)}";
        }

        if (body["aspect_ratio"]?.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string)body["aspect_ratio"]!))
        {
            return "aspect_ratio 必填";
        }

        if (body["clarity"]?.GetValueKind() != JsonValueKind.Number || (int)body["clarity"]! <= 0)
        {
            return "clarity 必须为正整数";
        }

        if (isVideo && (body["video_duration"]?.GetValueKind() != JsonValueKind.Number || (int)body["video_duration"]! <= 0))
        {
            return "video_duration 必须为正整数";
        }

        return null;
    }

    public EmulatorResponse GetTask(string? uniqueId)
    {
        if (string.IsNullOrEmpty(uniqueId))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: unique_id 必填", null);
        }

        lock (_gate)
        {
            return _tasksById.TryGetValue(uniqueId, out var task)
                ? EmulatorResponse.Ok(ToJson(task))
                : EmulatorResponse.Envelope(40000, "任务不存在", null);
        }
    }

    public EmulatorResponse ListTasks(JsonObject body)
    {
        if (body["type"]?.GetValueKind() != JsonValueKind.Number)
        {
            return EmulatorResponse.Envelope(40000, "参数错误: type 必填", null);
        }

        var type = (int)body["type"]!;
        var page = body["page"]?.GetValueKind() == JsonValueKind.Number ? (int)body["page"]! : 1;
        var size = body["page_size"]?.GetValueKind() == JsonValueKind.Number ? (int)body["page_size"]! : 10;
        if (page < 1 || size < 1 || size > 50)
        {
            return EmulatorResponse.Envelope(40000, "参数错误: page 从1开始, page_size 最大50", null);
        }

        var ids = body["unique_ids"] is JsonArray array ? array.Select(n => (string?)n).Where(s => !string.IsNullOrEmpty(s)).ToHashSet(StringComparer.Ordinal) : [];
        if (ids.Count > 50)
        {
            return EmulatorResponse.Envelope(40000, "参数错误: unique_ids 最多50个", null);
        }

        var onlySuccess = body["is_success"]?.GetValueKind() == JsonValueKind.True;
        lock (_gate)
        {
            var matching = _tasks.Where(t => t.Type == type && (ids.Count == 0 || ids.Contains(t.UniqueId)) && (!onlySuccess || Status(t).Status == "Success"))
                .OrderByDescending(t => t.Id).ToList();
            var totalPages = (matching.Count + size - 1) / size;
            var items = new JsonArray(matching.Skip((page - 1) * size).Take(size).Select(t => (JsonNode)ToJson(t)).ToArray());
            return EmulatorResponse.Ok(new JsonObject
            {
                ["list"] = items,
                ["total"] = matching.Count,
                ["page_info"] = new JsonObject { ["page"] = page, ["size"] = size, ["total_count"] = matching.Count, ["total_page"] = totalPages },
            });
        }
    }

    public EmulatorResponse CreateUploadUrl(string? service, string? name)
    {
        if (string.IsNullOrEmpty(service) || string.IsNullOrEmpty(name) || string.IsNullOrEmpty(Path.GetExtension(name)))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: service 和带扩展名的 name 必填", null);
        }

        var id = Guid.NewGuid().ToString("N");
        var extension = Path.GetExtension(name);
        var key = $"chanjing/res/emulator/{service}/{id}{extension}";
        var file = new FileRecord { Id = id, Name = name, MimeType = MimeType(extension), Key = key };
        lock (_gate)
        {
            _files[id] = file;
        }

        var expires = (Now + TimeSpan.FromMinutes(15)).ToUnixTimeSeconds();
        var signature = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        return EmulatorResponse.Ok(new JsonObject
        {
            ["sign_url"] = new Uri(BaseAddress, $"upload/{id}?Expires={expires}&OSSAccessKeyId=emulator&Signature={signature}").AbsoluteUri,
            ["full_path"] = new Uri(BaseAddress, $"files/uploads/{id}{extension}").AbsoluteUri,
            ["key"] = key,
            ["mime_type"] = file.MimeType,
            ["file_id"] = id,
        });
    }

    public EmulatorResponse Upload(string id, string? contentType, byte[] content)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(id, out var file))
            {
                return new EmulatorResponse(404, "text/plain", Encoding.UTF8.GetBytes("NoSuchUpload"));
            }

            if (!string.Equals(contentType, file.MimeType, StringComparison.Ordinal))
            {
                return new EmulatorResponse(403, "application/xml", Encoding.UTF8.GetBytes("<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>"));
            }

            file.Content = content;
            file.UploadedAt = Now;
            return new EmulatorResponse(200, "text/plain", []);
        }
    }

    public EmulatorResponse FileDetail(string? id)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(id) || !_files.TryGetValue(id, out var file))
            {
                return EmulatorResponse.Envelope(40000, "文件不存在", null);
            }

            var status = file.UploadedAt is not { } at || Now < at + options.FileReadyDelay ? 0
                : file.Name.Contains(options.ContentSafetyRejectMarker, StringComparison.OrdinalIgnoreCase) ? 98
                : 1;
            return EmulatorResponse.Ok(new JsonObject
            {
                ["id"] = file.Id,
                ["name"] = file.Name,
                ["status"] = status,
                ["full_path"] = new Uri(BaseAddress, $"files/uploads/{file.Id}{Path.GetExtension(file.Name)}").AbsoluteUri,
                ["key"] = file.Key,
                ["mime_type"] = file.MimeType,
            });
        }
    }

    public (byte[] Content, string ContentType)? Download(string path)
    {
        lock (_gate)
        {
            if (path.StartsWith("/files/uploads/", StringComparison.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(path);
                return _files.TryGetValue(id, out var file) && file.Content is { } content ? (content, file.MimeType) : null;
            }

            if (path.StartsWith("/files/outputs/", StringComparison.Ordinal))
            {
                var id = Path.GetFileNameWithoutExtension(path);
                return _tasksById.TryGetValue(id, out var task) && Status(task).Status == "Success" ? (OutputBytesLocked(id), "video/mp4") : null;
            }

            return null;
        }
    }

    private byte[] OutputBytesLocked(string taskId)
    {
        if (!_outputs.TryGetValue(taskId, out var bytes))
        {
            bytes = Mp4.Create(options.OutputFileSize, taskId);
            _outputs[taskId] = bytes;
        }

        return bytes;
    }

    private (string Status, string Error) Status(TaskRecord task)
    {
        if (task.ForcedStatus is { } forced)
        {
            return (forced, task.ForcedError ?? (forced is "Error" or "Fail" ? "任务失败,本次生成不消耗蝉豆" : string.Empty));
        }

        var age = Now - task.CreatedAt;
        if (age < options.QueuedDuration)
        {
            return ("Queued", string.Empty);
        }

        if (age < options.QueuedDuration + options.GeneratingDuration)
        {
            return ("Generating", string.Empty);
        }

        return task.Prompt.Contains(options.FailurePromptMarker, StringComparison.Ordinal)
            ? ("Error", "任务失败,本次生成不消耗蝉豆")
            : ("Success", string.Empty);
    }

    private JsonObject ToJson(TaskRecord task)
    {
        var (status, error) = Status(task);
        var isVideo = task.Type == 4;
        var outputs = new JsonArray();
        if (status == "Success")
        {
            outputs.Add(new Uri(BaseAddress, $"files/outputs/{task.UniqueId}{(isVideo ? ".mp4" : ".png")}").AbsoluteUri);
        }

        return new JsonObject
        {
            ["id"] = task.Id,
            ["unique_id"] = task.UniqueId,
            ["create_time"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["number_ai_creation"] = 1,
            ["type"] = task.Type,
            ["progress_desc"] = status,
            ["err_msg"] = error,
            ["aspect_ratio"] = task.AspectRatio,
            ["output_url"] = outputs,
            ["photo_info"] = new JsonObject
            {
                ["ref_img_url"] = isVideo ? new JsonArray() : new JsonArray(task.Images.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
                ["ref_prompt"] = isVideo ? string.Empty : task.Prompt,
                ["clarity"] = isVideo ? 0 : task.Clarity,
                ["aspect_ratio"] = isVideo ? string.Empty : task.AspectRatio,
                ["quality_mode"] = isVideo ? string.Empty : task.QualityMode,
                ["number_of_images"] = isVideo ? 0 : 1,
            },
            ["motion_info"] = new JsonObject
            {
                ["photo_path_url"] = null,
                ["ref_prompt"] = isVideo ? task.Prompt : string.Empty,
                ["clarity"] = isVideo ? task.Clarity : 0,
                ["quality_mode"] = isVideo ? task.QualityMode : string.Empty,
                ["style"] = string.Empty,
                ["aspect_ratio"] = isVideo ? task.AspectRatio : string.Empty,
                ["video_duration"] = isVideo ? task.Duration : 0,
            },
            ["ref_img_url"] = new JsonArray(task.Images.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
            ["model_code"] = task.ModelCode,
            ["model_name"] = string.Empty,
        };
    }

    private static string MimeType(string extension) => extension.ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".mp4" => "video/mp4",
        ".mp3" => "audio/mpeg",
        ".wav" => "audio/wav",
        _ => "application/octet-stream",
    };

    private sealed class TaskRecord
    {
        public long Id { get; set; }

        public required string UniqueId { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }

        public required int Type { get; init; }

        public required string Prompt { get; init; }

        public required List<string> Images { get; init; }

        public required string AspectRatio { get; init; }

        public required int Clarity { get; init; }

        public required int Duration { get; init; }

        public required string ModelCode { get; init; }

        public required string QualityMode { get; init; }

        public string? ForcedStatus { get; set; }

        public string? ForcedError { get; set; }
    }

    private sealed class FileRecord
    {
        public required string Id { get; init; }

        public required string Name { get; init; }

        public required string MimeType { get; init; }

        public required string Key { get; init; }

        public byte[]? Content { get; set; }

        public DateTimeOffset? UploadedAt { get; set; }
    }
}

/// <summary>Builds the emulator's output videos: well-formed ISO base media (MP4) boxes with deterministic content.</summary>
internal static class Mp4
{
    public static byte[] Create(int size, string seed)
    {
        size = Math.Max(size, 64);
        var bytes = new byte[size];
        // ftyp box: brand isom, compatible isom/iso2/mp41.
        var ftyp = new byte[] { 0, 0, 0, 0x1C, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'i', (byte)'s', (byte)'o', (byte)'2', (byte)'m', (byte)'p', (byte)'4', (byte)'1' };
        ftyp.CopyTo(bytes, 0);
        // mdat box filling the rest, with a content pattern derived from the task id.
        var mdatSize = size - ftyp.Length;
        bytes[28] = (byte)(mdatSize >> 24);
        bytes[29] = (byte)(mdatSize >> 16);
        bytes[30] = (byte)(mdatSize >> 8);
        bytes[31] = (byte)mdatSize;
        "mdat"u8.CopyTo(bytes.AsSpan(32));
        var state = (uint)seed.Aggregate(17, (h, c) => unchecked((h * 31) + c)) | 1;
        for (var i = 36; i < size; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            bytes[i] = (byte)state;
        }

        return bytes;
    }
}

internal static class JsonBody
{
    public static JsonObject? TryParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Redact(byte[] body, string? contentType)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        if (contentType is not null && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return $"({body.Length.ToString(CultureInfo.InvariantCulture)} bytes of {contentType})";
        }

        var json = TryParseObject(body);
        if (json is null)
        {
            return Encoding.UTF8.GetString(body);
        }

        if (json.ContainsKey("secret_key"))
        {
            json["secret_key"] = "***";
        }

        return json.ToJsonString();
    }
}
