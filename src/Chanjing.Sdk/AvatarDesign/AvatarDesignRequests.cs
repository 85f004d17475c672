namespace Chanjing.Sdk;

/// <summary>The body of <c>POST /open/v1/aigc/photo</c>: pictures of a digital human designed from a description.</summary>
public sealed class AvatarPhotoRequest
{
    /// <summary>The longest description fields (<c>background</c>, <c>detail</c>, <c>talking_pose</c>), in characters.</summary>
    public const int MaxTextLength = 1500;

    /// <summary>Creates a request.</summary>
    /// <param name="age">The apparent age (<c>age</c>), such as <c>Young adult</c>, <c>Adult</c>, <c>Teenager</c>, <c>Elderly</c>.</param>
    /// <param name="gender">The gender (<c>gender</c>): <c>Male</c> or <c>Female</c>.</param>
    public AvatarPhotoRequest(string age, string gender)
    {
        Age = age;
        Gender = gender;
    }

    /// <summary>The apparent age (<c>age</c>).</summary>
    public string Age { get; set; }

    /// <summary>The gender (<c>gender</c>): <c>Male</c> or <c>Female</c>.</summary>
    public string Gender { get; set; }

    /// <summary>How many pictures (<c>number_of_images</c>), 1 to 4; 1 by default.</summary>
    public int NumberOfImages { get; set; } = 1;

    /// <summary>The background (<c>background</c>), at most 1,500 characters.</summary>
    public string? Background { get; set; }

    /// <summary>Details of the look (<c>detail</c>), at most 1,500 characters.</summary>
    public string? Detail { get; set; }

    /// <summary>The pose (<c>talking_pose</c>), at most 1,500 characters.</summary>
    public string? TalkingPose { get; set; }

    /// <summary>The industry (<c>industry</c>).</summary>
    public string? Industry { get; set; }

    /// <summary>The origin (<c>origin</c>), such as <c>Chinese</c>, <c>European</c>.</summary>
    public string? Origin { get; set; }

    /// <summary>The pictures' shape (<c>aspect_ratio</c>): <see cref="AspectRatio.Portrait9x16"/> (the default) or <see cref="AspectRatio.Landscape16x9"/>.</summary>
    public AspectRatio AspectRatio { get; set; } = AspectRatio.Portrait9x16;

    /// <summary>A public picture to follow (<c>ref_img_url</c>); a local file is refused (this product takes no uploads).</summary>
    public Uri? ReferenceImageUrl { get; set; }

    /// <summary>What to take from the reference (<c>ref_content</c>): <c>style</c> or <c>appearance</c>.</summary>
    public string? ReferenceContent { get; set; }
}

/// <summary>The body of <c>POST /open/v1/aigc/motion</c>: one picture of a finished photo task brought to life.</summary>
public sealed class AvatarMotionRequest
{
    /// <summary>The longest <see cref="Emotion"/>, in characters.</summary>
    public const int MaxEmotionLength = 800;

    /// <summary>Creates a request.</summary>
    /// <param name="photoTaskId">The finished photo task (<c>photo_unique_id</c>).</param>
    /// <param name="photoUrl">One of its pictures (<c>photo_path</c>).</param>
    public AvatarMotionRequest(string photoTaskId, Uri photoUrl)
    {
        PhotoTaskId = photoTaskId;
        PhotoUrl = photoUrl;
    }

    /// <summary>The finished photo task (<c>photo_unique_id</c>).</summary>
    public string PhotoTaskId { get; set; }

    /// <summary>One of its pictures (<c>photo_path</c>).</summary>
    public Uri PhotoUrl { get; set; }

    /// <summary>The emotion (<c>emotion</c>), at most 800 characters.</summary>
    public string? Emotion { get; set; }

    /// <summary>Whether the person gestures (<c>gesture</c>); always sent, false by default.</summary>
    public bool Gesture { get; set; }
}

/// <summary>The body of <c>POST /open/v1/aigc/lora/task/create</c>: a model of a person trained on 5 to 50 photos.</summary>
public sealed class AvatarLoraRequest
{
    /// <summary>The fewest photos.</summary>
    public const int MinPhotos = 5;

    /// <summary>The most photos.</summary>
    public const int MaxPhotos = 50;

    /// <summary>Creates a request.</summary>
    /// <param name="name">The model's name (<c>name</c>).</param>
    public AvatarLoraRequest(string name) => Name = name;

    /// <summary>The model's name (<c>name</c>).</summary>
    public string Name { get; set; }

    /// <summary>Public URLs of 5 to 50 photos (<c>photos</c>); local files are refused (this product takes no uploads).</summary>
    public IList<Uri> Photos { get; } = new List<Uri>();

    /// <summary>The id of a failed LoRA task to run again (<c>lora_id</c>).</summary>
    public string? RetryLoraId { get; set; }
}
