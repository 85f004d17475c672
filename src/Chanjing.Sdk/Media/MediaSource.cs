namespace Chanjing.Sdk;

/// <summary>
/// A file a request needs (an audio track, a background picture, a source video): one already uploaded (its file id),
/// a public URL, or a local file or stream that the SDK uploads first with the service the product requires and waits
/// until the service has made it ready. <c>default</c> is no file: a request refuses it where a file is required.
/// </summary>
public readonly struct MediaSource : IEquatable<MediaSource>
{
    private readonly object? _value;

    private MediaSource(MediaSourceKind kind, object value, string? fileName)
    {
        Kind = kind;
        _value = value;
        FileName = fileName;
    }

    /// <summary>What the source is; <see cref="MediaSourceKind.None"/> for <c>default</c>.</summary>
    public MediaSourceKind Kind { get; }

    /// <summary>The file id (<see cref="MediaSourceKind.FileId"/>), else null.</summary>
    public string? FileId => Kind == MediaSourceKind.FileId ? (string)_value! : null;

    /// <summary>The public URL (<see cref="MediaSourceKind.Url"/>), else null.</summary>
    public Uri? Url => Kind == MediaSourceKind.Url ? (Uri)_value! : null;

    /// <summary>The local path (<see cref="MediaSourceKind.File"/>), else null.</summary>
    public string? Path => Kind == MediaSourceKind.File ? (string)_value! : null;

    /// <summary>The content (<see cref="MediaSourceKind.Stream"/>), else null.</summary>
    public Stream? Content => Kind == MediaSourceKind.Stream ? (Stream)_value! : null;

    /// <summary>The name the file is uploaded under (with its extension): the local file's name, or the stream's given name.</summary>
    public string? FileName { get; }

    /// <summary>A file already uploaded to Chanjing (the <c>file_id</c> of an upload).</summary>
    /// <param name="fileId">The file id.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException">The id is empty or holds whitespace or control characters.</exception>
    public static MediaSource FromFileId(string fileId) => new(MediaSourceKind.FileId, Guard.Identifier(fileId, nameof(fileId)), null);

    /// <summary>A public http(s) URL the service fetches itself; a <c>file:</c> URI is a local file (uploaded first).</summary>
    /// <param name="url">An absolute http, https or file URI.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException">The URI is relative or of another scheme.</exception>
    public static MediaSource FromUrl(Uri url)
    {
        Guard.NotNull(url, nameof(url));
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"A media URL must be absolute, but was '{url}'.", nameof(url));
        }

        if (url.IsFile)
        {
            return FromFile(url.LocalPath);
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"A media URL must be http, https or file, but was '{url.Scheme}'.", nameof(url));
        }

        return new MediaSource(MediaSourceKind.Url, url, null);
    }

    /// <summary>A local file, uploaded first (checked to exist, with an extension, when the request is sent).</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public static MediaSource FromFile(string path) =>
        new(MediaSourceKind.File, Guard.NotNullOrWhiteSpace(path, nameof(path)), System.IO.Path.GetFileName(path));

    /// <summary>The content of a stream, uploaded first under <paramref name="fileName"/> (its extension sets the type). The stream is not disposed.</summary>
    /// <param name="content">A readable stream; read from its current position. A stream that cannot seek is uploaded once, without retries.</param>
    /// <param name="fileName">The file name with its extension, such as <c>voice.wav</c>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException">The stream cannot be read, or the name has no extension.</exception>
    public static MediaSource FromStream(Stream content, string fileName)
    {
        Guard.NotNull(content, nameof(content));
        Guard.NotNullOrWhiteSpace(fileName, nameof(fileName));
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(content));
        }

        if (string.IsNullOrEmpty(System.IO.Path.GetExtension(fileName)))
        {
            throw new ArgumentException($"The file name '{fileName}' must have an extension: the service derives the content type from it.", nameof(fileName));
        }

        return new MediaSource(MediaSourceKind.Stream, content, fileName);
    }

    /// <inheritdoc />
    public bool Equals(MediaSource other) => Kind == other.Kind && Equals(_value, other._value) && FileName == other.FileName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MediaSource other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Kind * 397) ^ (_value?.GetHashCode() ?? 0);

    /// <summary>Whether two sources are the same.</summary>
    /// <param name="left">A source.</param>
    /// <param name="right">Another source.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(MediaSource left, MediaSource right) => left.Equals(right);

    /// <summary>Whether two sources differ.</summary>
    /// <param name="left">A source.</param>
    /// <param name="right">Another source.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(MediaSource left, MediaSource right) => !left.Equals(right);

    /// <summary>A description without secrets: the kind and the file id, the URL's host and path, or the file name.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        MediaSourceKind.FileId => "file id " + FileId,
        MediaSourceKind.Url => "URL " + Url!.GetLeftPart(UriPartial.Path),
        MediaSourceKind.File => "file " + Path,
        MediaSourceKind.Stream => "stream " + FileName,
        _ => "(none)",
    };
}

/// <summary>What a <see cref="MediaSource"/> is.</summary>
public enum MediaSourceKind
{
    /// <summary>No file (<c>default(MediaSource)</c>).</summary>
    None,

    /// <summary>A file already uploaded, by its file id.</summary>
    FileId,

    /// <summary>A public URL the service fetches.</summary>
    Url,

    /// <summary>A local file, uploaded first.</summary>
    File,

    /// <summary>A stream, uploaded first.</summary>
    Stream,
}
