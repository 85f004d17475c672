namespace Chanjing.Sdk.Internal.Errors;

/// <summary>The service's texts for a lack of credits (蝉豆 are the platform's credits), as Chanjing's own SDK recognises them.</summary>
internal static class BillingMessages
{
    private static readonly string[] Markers = ["扣费失败", "余额不足", "蝉豆不足", "蝉豆余额", "欠费"];

    public static bool Matches(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var marker in Markers)
        {
            if (text!.IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
