using CommunityPartner.Web.Modules.Needs.ViewNeed;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Needs.RaiseNeed;

public static class RaiseNeedEndpoint
{
    /// <summary>The JSON form of a raise; multipart/form-data takes the same fields plus up to three `photos` files.</summary>
    public sealed record RaiseNeedRequest(
        string? CommunityCode, string? CategoryCode, string? Title, string? Description, string? Address,
        double? Latitude, double? Longitude, bool ShowRaiserName, string? Channel, string? OnBehalfOfPhone);

    public static RouteGroupBuilder MapRaiseNeed(this RouteGroupBuilder api)
    {
        api.MapPost("/needs", async (HttpRequest request, RaiseNeedHandler handler, NeedReader reader, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            var (body, photos, parseError) = await ReadAsync(request, ct);
            if (body is null)
            {
                return ApiResults.Validation(ValidationErrors.Of("", parseError ?? "请求内容无法识别"), text);
            }

            if (!TryChannel(body.Channel, out var channel))
            {
                return ApiResults.Validation(ValidationErrors.Of("channel", "渠道只能是 web、hotline、walk_in 或 grid_worker"), text);
            }

            var result = await handler.HandleAsync(
                new RaiseNeedCommand(body.CommunityCode, body.CategoryCode, body.Title, body.Description, body.Address,
                    body.Latitude, body.Longitude, body.ShowRaiserName, channel, body.OnBehalfOfPhone, photos),
                request.HttpContext.User, ct);
            if (!result.IsOk)
            {
                return ApiResults.From(result, text, _ => TypedResults.Ok());
            }

            return TypedResults.Created($"/api/v1/needs/{result.Value!.Id}", await reader.FindAsync(result.Value.Id, ct));
        })
        .RequireAuthorization(Policies.SignedIn)
        .Accepts<RaiseNeedRequest>("application/json", "multipart/form-data")
        .WithName("RaiseNeed")
        .WithSummary("Raise a need (resident), or record one on a resident's behalf (staff: channel hotline, walk_in or grid_worker).")
        .WithTags("Needs")
        .Produces<NeedDetails>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static bool TryChannel(string? value, out NeedChannel channel)
    {
        channel = value switch
        {
            null or "" or "web" => NeedChannel.Web,
            "hotline" => NeedChannel.Hotline,
            "walk_in" => NeedChannel.WalkIn,
            "grid_worker" => NeedChannel.GridWorker,
            _ => (NeedChannel)(-1),
        };
        return Enum.IsDefined(channel);
    }

    private static async Task<(RaiseNeedRequest? Body, IReadOnlyList<PhotoUpload> Photos, string? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            if (!request.HasFormContentType)
            {
                var json = await request.ReadFromJsonAsync<RaiseNeedRequest>(ct);
                return (json, [], null);
            }

            var form = await request.ReadFormAsync(ct);
            double? Number(string key) => double.TryParse(form[key], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
            var body = new RaiseNeedRequest(form["communityCode"], form["categoryCode"], form["title"], form["description"], form["address"],
                Number("latitude"), Number("longitude"), form["showRaiserName"] == "true", form["channel"], form["onBehalfOfPhone"]);
            return (body, [.. form.Files.Where(f => f.Name == "photos").Select(f => new PhotoUpload(f.FileName, f.Length, f.OpenReadStream))], null);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, [], "请求内容不是有效的 JSON");
        }
        catch (InvalidDataException)
        {
            return (null, [], "上传内容太大或格式不正确");
        }
    }
}
