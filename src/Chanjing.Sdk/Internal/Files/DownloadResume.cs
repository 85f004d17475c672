using System.Net;
using System.Net.Http.Headers;

namespace Chanjing.Sdk.Internal.Files;

/// <summary>
/// The state of one download across its attempts: how much was written, and what the server must prove before the
/// rest is appended (a <c>Content-Range</c> that starts where the file ends, of the same file: <c>If-Range</c>, and the
/// same total length, ETag and Last-Modified as the first answer, whichever of them both answers carry).
/// </summary>
internal sealed class DownloadResume(Stream destination)
{
    private readonly long _origin = destination.CanSeek ? destination.Position : 0;
    private EntityTagHeaderValue? _etag;
    private DateTimeOffset? _lastModified;

    public Stream Destination => destination;

    public long Written { get; private set; }

    /// <summary>The full length of the file, when the server said.</summary>
    public long? ExpectedLength { get; private set; }

    public void Wrote(int count) => Written += count;

    /// <summary>Asks for the rest of the file, and only if it is still the same file.</summary>
    public void Prepare(HttpRequestMessage request)
    {
        if (Written == 0)
        {
            return;
        }

        request.Headers.Range = new RangeHeaderValue(Written, null);
        if (_etag is { IsWeak: false } etag)
        {
            request.Headers.IfRange = new RangeConditionHeaderValue(etag);
        }
        else if (_lastModified is { } lastModified)
        {
            request.Headers.IfRange = new RangeConditionHeaderValue(lastModified);
        }
    }

    /// <summary>Checks an answer before its body is written; false (with the reason, and whether another attempt may help) when it cannot be used.</summary>
    public bool Accept(HttpResponseMessage response, out string? reason, out bool retry)
    {
        reason = null;
        retry = false;
        if (Written > 0 && response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content.Headers.ContentRange;
            var changed = range is { HasRange: true } && range.From == Written ? ChangeOf(response, range) : null;
            if (range is { HasRange: true } && range.From == Written && changed is null)
            {
                ExpectedLength = range.Length ?? ExpectedLength;
                return true;
            }

            // A range other than the one asked for, or the rest of another file (a server that ignores If-Range, or has no
            // validators to compare): start over from the first byte on the next attempt (issue 22, DL1).
            if (!TryRestart(out reason))
            {
                return false;
            }

            reason = changed ?? $"the server answered the range '{range}' instead of bytes {Written}-";
            retry = true;
            return false;
        }

        if (Written > 0 && !TryRestart(out reason))
        {
            // A whole file (the server ignores Range, or If-Range saw the file change) cannot be appended.
            reason = "the server sent the whole file again (it ignores HTTP Range, or the file changed) and " + reason;
            return false;
        }

        _etag = response.Headers.ETag;
        _lastModified = response.Content.Headers.LastModified;
        ExpectedLength = response.Content.Headers.ContentLength;
        return true;
    }

    /// <summary>Why a 206 that starts where the file ends is of another file than the first answer; null when nothing says so.</summary>
    private string? ChangeOf(HttpResponseMessage response, ContentRangeHeaderValue range)
    {
        if (range.Length is { } total && ExpectedLength is { } expected && total != expected)
        {
            return $"the rest belongs to a file of {total} bytes, not the {expected} bytes of the first answer";
        }

        if (response.Headers.ETag is { } etag && _etag is { } first && !string.Equals(etag.Tag, first.Tag, StringComparison.Ordinal))
        {
            return "the file changed (another ETag) since the first answer";
        }

        if (response.Content.Headers.LastModified is { } modified && _lastModified is { } before && modified != before)
        {
            return "the file changed (another Last-Modified) since the first answer";
        }

        return null;
    }

    private bool TryRestart(out string? reason)
    {
        if (!destination.CanSeek)
        {
            reason = "the destination stream cannot be rewound";
            return false;
        }

        destination.Position = _origin;
        destination.SetLength(_origin);
        Written = 0;
        reason = null;
        return true;
    }
}
