namespace Chanjing.Sdk;

/// <summary>The rendering model of an avatar video (<c>model</c>).</summary>
public enum AvatarVideoModel
{
    /// <summary>The basic model (0).</summary>
    Basic = 0,

    /// <summary>The high-quality model (1).</summary>
    HighQuality = 1,
}

/// <summary>Where the compliance watermark goes (<c>compliance_watermark_position</c>).</summary>
public enum WatermarkPosition
{
    /// <summary>Top left (0).</summary>
    TopLeft = 0,

    /// <summary>Top right (1).</summary>
    TopRight = 1,

    /// <summary>Bottom left (2).</summary>
    BottomLeft = 2,

    /// <summary>Bottom right (3).</summary>
    BottomRight = 3,
}

/// <summary>How the avatar's source footage is played when the speech outlasts it (<c>backway</c>).</summary>
public enum AvatarPlayback
{
    /// <summary>Forward again from the start (1, the service's default).</summary>
    Forward = 1,

    /// <summary>Backwards, then forwards (2).</summary>
    Reverse = 2,
}
