namespace Chanjing.Sdk;

/// <summary>An uploaded file was refused or removed by the service (status 98, 99 or 100), or never became ready.</summary>
public class ChanjingFileProcessingException : ChanjingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="fileStatus">The last <c>status</c> reported by <c>file_detail</c>.</param>
    public ChanjingFileProcessingException(string message, string fileId, int? fileStatus)
        : base(message)
    {
        FileId = fileId;
        FileStatus = fileStatus;
    }

    /// <summary>The file id (<c>file_id</c>).</summary>
    public string FileId { get; }

    /// <summary>The last status: 98 = failed content safety, 99 = deleted, 100 = cleaned up; null when none was read.</summary>
    public int? FileStatus { get; }
}
