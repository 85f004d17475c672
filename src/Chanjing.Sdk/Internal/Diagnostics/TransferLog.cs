using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk.Internal;

/// <summary>Log events of uploads and downloads (event ids 5000-5099). URLs are logged without their query.</summary>
internal static partial class TransferLog
{
    [LoggerMessage(EventId = 5001, EventName = "UploadRetry", Level = LogLevel.Debug, Message = "Uploading {FileName} failed ({Error}); sending it again.")]
    public static partial void UploadRetry(ILogger logger, string fileName, string error);

    [LoggerMessage(EventId = 5002, EventName = "DownloadResume", Level = LogLevel.Debug, Message = "Downloading {Url} failed after {Bytes} bytes ({Error}); resuming.")]
    public static partial void DownloadResume(ILogger logger, string url, long bytes, string error);
}
