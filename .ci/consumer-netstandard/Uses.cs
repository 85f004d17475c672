using System;
using System.Threading.Tasks;
using Chanjing.Sdk;

namespace ConsumerNetStandard
{
    public static class Uses
    {
        public static async Task<string> GenerateAsync(IChanjingClient client)
        {
            var request = new ReferenceVideoRequest { Prompt = "netstandard2.0", AspectRatio = AspectRatio.Square1x1, Clarity = VideoClarity.P720 };
            request.ReferenceImageUrls.Add(new Uri("https://example.com/a.jpg"));
            var task = await client.GenerateReferenceVideoAsync(request, new WaitOptions { Timeout = TimeSpan.FromMinutes(5) }).ConfigureAwait(false);
            return task.Status.IsSuccess ? task.OutputUrls[0].ToString() : task.ErrorMessage ?? string.Empty;
        }

        public static ChanjingClient Create() => new ChanjingClient(new ChanjingOptions { AccessToken = "token" });
    }
}
