using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Cooperation.RecordDelivery;
using Microsoft.EntityFrameworkCore;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>A delivery may carry one photo: checked by content, re-encoded, shown only to the intent's two sides.</summary>
public abstract class DeliveryPhotoTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid intentId, Guid lineId, byte[]? photo, string fileName = "handover.jpg")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(lineId.ToString()), "lineId" },
            { new StringContent("3000"), "yuan" },
            { new StringContent("物资已送到站点"), "note" },
        };
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", fileName);
        }

        return client.PostAsync($"/api/v1/intents/{intentId}/deliveries", form);
    }

    [Fact]
    public async Task Record_WithAPhoto_StoresItWithoutMetadata_AndOnlyTheTwoSidesCanOpenIt()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, _) = await DeliveryApiTests.LinesAsync(w, intentId);

        var response = await RecordAsync(w.Partner.Client, intentId, money, TestImages.JpegWithGps());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photoUrl").GetString()!;
        var fromStaff = await w.StaffClient.GetAsync(url);
        var fromMember = await w.Partner.Client.GetAsync(url);
        using var resident = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(w.Community));
        using var anonymous = await factory.Data.ApiClientAsync(null);
        var otherPartner = await _data.PartnerAsync(w.Community);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fromStaff.StatusCode, fromMember.StatusCode));
        var bytes = await fromStaff.Content.ReadAsByteArrayAsync();
        Assert.NotNull(TestImages.FormatOf(bytes));
        Assert.False(TestImages.HasExifSegment(bytes));
        foreach (var outsider in new[] { resident, anonymous, otherPartner.Client })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Record_WithSomethingThatIsNotAPhoto_Is400AndStoresNothing()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, _) = await DeliveryApiTests.LinesAsync(w, intentId);

        var response = await RecordAsync(w.Partner.Client, intentId, money, TestImages.FakeExe(), "invoice.jpg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["“invoice.jpg”不是 JPEG、PNG 或 WebP 照片"], ProblemJson.Errors(await ProblemJson.ReadAsync(response))["photo"]);
        Assert.Equal(0, await _data.QueryAsync(db => db.Set<Delivery>().CountAsync(d => d.IntentId == intentId)));
    }

    [Fact]
    public async Task Record_AsMultipartWithoutAPhoto_Is201WithNoPhoto()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await SignedAsync(w);
        var (money, _) = await DeliveryApiTests.LinesAsync(w, intentId);

        var response = await RecordAsync(w.Partner.Client, intentId, money, photo: null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var delivery = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3000L, JsonValueKind.Null), (delivery.GetProperty("yuan").GetInt64(), delivery.GetProperty("photoUrl").ValueKind));
    }
}

[Collection(SqliteLane.Name)]
public sealed class DeliveryPhotoTestsOnSqlite(SqliteAppFactory factory) : DeliveryPhotoTests(factory);

[Collection(PostgresLane.Name)]
public sealed class DeliveryPhotoTestsOnPostgres(PostgresAppFactory factory) : DeliveryPhotoTests(factory);
