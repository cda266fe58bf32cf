using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Points.Spending;
using CommunityPartner.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Tests.Modules.Points;

/// <summary>An item may carry one photo: checked by content, re-encoded without metadata, served publicly, set only by its merchant.</summary>
public abstract class ItemPhotoTests(AppFactory factory)
{
    private readonly PointsTestData _points = new(factory);

    private static MultipartFormDataContent Form(byte[]? photo, string fileName = "soap.jpg", string name = "洗衣皂")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(name), "name" },
            { new StringContent("10"), "pointsPrice" },
            { new StringContent("5"), "stock" },
        };
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", fileName);
        }

        return form;
    }

    private static MultipartFormDataContent PhotoOnly(byte[] photo, string fileName = "new.jpg")
    {
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "photo", fileName } };
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Add_WithAPhoto_StoresItWithoutMetadata_ServesItPublicly_AndListsItsUrl()
    {
        var world = await _points.WorldAsync();

        var response = await world.MemberClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items", Form(TestImages.JpegWithGps()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await BodyAsync(response);
        var url = item.GetProperty("photoUrl").GetString()!;
        Assert.StartsWith($"/points/items/{item.GetProperty("id").GetGuid()}/photos/", url, StringComparison.Ordinal);
        using var anonymous = await factory.Data.ApiClientAsync(null);
        var served = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.NotNull(TestImages.FormatOf(bytes));
        Assert.False(TestImages.HasExifSegment(bytes));
        var listed = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{world.MerchantId}/items");
        Assert.Equal(url, listed[0].GetProperty("photoUrl").GetString());
        var audit = await _points.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "points.item.add" && a.EntityId == item.GetProperty("id").GetGuid().ToString()).Select(a => a.After).SingleAsync());
        Assert.Contains("PhotoId", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithoutAPhoto_ListsANullPhotoUrl()
    {
        var world = await _points.WorldAsync();

        var multipart = await world.MemberClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items", Form(null));
        var json = await PointsTestData.ItemAsync(world, price: 5, stock: 1);

        Assert.Equal(HttpStatusCode.Created, multipart.StatusCode);
        var listed = await world.MemberClient.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{world.MerchantId}/items");
        Assert.Equal(2, listed.GetArrayLength());
        Assert.All(listed.EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("photoUrl").ValueKind));
        Assert.Contains(listed.EnumerateArray(), i => i.GetProperty("id").GetGuid() == json);
    }

    [Fact]
    public async Task Add_WithSomethingThatIsNotAPhoto_Is400AndCreatesNothing()
    {
        var world = await _points.WorldAsync();

        var response = await world.MemberClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items", Form(TestImages.FakeExe(), "soap.jpg"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["“soap.jpg”不是 JPEG、PNG 或 WebP 照片"], ProblemJson.Errors(await ProblemJson.ReadAsync(response))["photo"]);
        Assert.Equal(0, await _points.QueryAsync(db => db.Set<MerchantItem>().CountAsync(i => i.PartnerId == world.MerchantId)));
        Assert.Empty(Directory.Exists(Path.Combine(factory.StorageRoot, "points-items")) ? Directory.GetFiles(Path.Combine(factory.StorageRoot, "points-items"), "*", SearchOption.AllDirectories)
            .Where(f => f.Contains(world.MerchantId.ToString("N"), StringComparison.Ordinal)) : []);
    }

    [Fact]
    public async Task SetPhoto_ReplacesIt_AndTheOldAddressKeepsWorking()
    {
        var world = await _points.WorldAsync();
        var first = await BodyAsync(await world.MemberClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items", Form(TestImages.Jpeg())));
        var itemId = first.GetProperty("id").GetGuid();
        var oldUrl = first.GetProperty("photoUrl").GetString()!;

        var response = await world.MemberClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items/{itemId}/photo", PhotoOnly(TestImages.Png()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newUrl = (await BodyAsync(response)).GetProperty("photoUrl").GetString()!;
        Assert.NotEqual(oldUrl, newUrl);
        using var anonymous = await factory.Data.ApiClientAsync(null);
        Assert.Equal("image/png", (await anonymous.GetAsync(newUrl)).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(oldUrl)).StatusCode);
        var listed = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{world.MerchantId}/items");
        Assert.Equal(newUrl, listed[0].GetProperty("photoUrl").GetString());
        Assert.Equal(1, await _points.QueryAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == "points.item.photo" && a.EntityId == itemId.ToString())));
    }

    [Fact]
    public async Task SetPhoto_WithSomethingThatIsNotAPhoto_Is400AndLeavesThePhotoAsItWas()
    {
        var world = await _points.WorldAsync();
        var first = await BodyAsync(await world.MemberClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items", Form(TestImages.Jpeg())));
        var itemId = first.GetProperty("id").GetGuid();

        var response = await world.MemberClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items/{itemId}/photo", PhotoOnly(TestImages.Text(), "note.png"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["“note.png”不是 JPEG、PNG 或 WebP 照片"], ProblemJson.Errors(await ProblemJson.ReadAsync(response))["photo"]);
        var listed = await world.MemberClient.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{world.MerchantId}/items");
        Assert.Equal(first.GetProperty("photoUrl").GetString(), listed[0].GetProperty("photoUrl").GetString());
        Assert.Equal(1, await _points.QueryAsync(db => db.Set<ItemPhoto>().CountAsync(p => p.ItemId == itemId)));
    }

    [Fact]
    public async Task SetPhoto_ByAnotherMerchantOrAResident_IsRefusedAndChangesNothing()
    {
        var world = await _points.WorldAsync();
        var itemId = await PointsTestData.ItemAsync(world, price: 10, stock: 1);
        var (otherMerchant, otherMember) = await _points.MerchantAsync(world.Community);
        using var otherClient = await factory.Data.ApiClientAsync(otherMember);
        var (_, residentClient) = await _points.ResidentAsync(world, awards: 0);

        var byOther = await otherClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items/{itemId}/photo", PhotoOnly(TestImages.Jpeg()));
        var byOtherOwnRoute = await otherClient.PostAsync($"/api/v1/merchants/{otherMerchant}/items/{itemId}/photo", PhotoOnly(TestImages.Jpeg()));
        var byResident = await residentClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items/{itemId}/photo", PhotoOnly(TestImages.Jpeg()));
        var addByResident = await residentClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items", Form(TestImages.Jpeg()));

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (byOther.StatusCode, byOtherOwnRoute.StatusCode, byResident.StatusCode, addByResident.StatusCode));
        Assert.Equal(0, await _points.QueryAsync(db => db.Set<ItemPhoto>().CountAsync(p => p.ItemId == itemId)));
        Assert.Null(await _points.QueryAsync(db => db.Set<MerchantItem>().Where(i => i.Id == itemId).Select(i => i.PhotoId).SingleAsync()));
    }

    [Fact]
    public async Task Pages_ShowThePhotoWithAltText_ToResidentsAndToTheMerchant()
    {
        var world = await _points.WorldAsync();
        var item = await BodyAsync(await world.MemberClient.PostAsync($"/api/v1/merchants/{world.MerchantId}/items", Form(TestImages.Jpeg(), name: "带照片的香皂")));
        var url = item.GetProperty("photoUrl").GetString()!;
        var (resident, _) = await _points.ResidentAsync(world, awards: 0);
        using var residentBrowser = await factory.Data.BrowserAsync(resident);
        using var merchantBrowser = await factory.Data.BrowserAsync(world.Member);

        var browse = await Html.GetAsync(residentBrowser, "/points/items");
        var desk = await Html.GetAsync(merchantBrowser, "/merchant/points");

        foreach (var page in new[] { browse, desk })
        {
            var img = page.QuerySelector($"img[src='{url}']");
            Assert.NotNull(img);
            Assert.Contains("带照片的香皂", img.GetAttribute("alt"), StringComparison.Ordinal);
        }

        Assert.NotNull(desk.QuerySelector("form[action*='handler=AddItem'][enctype='multipart/form-data'] input[type=file][name=photo]"));
        Assert.NotNull(desk.QuerySelector($"form[action*='handler=Photo'][action*='{item.GetProperty("id").GetGuid()}'] input[type=file][name=photo]"));
    }
}

[Collection(SqliteLane.Name)]
public sealed class ItemPhotoTestsOnSqlite(SqliteAppFactory factory) : ItemPhotoTests(factory);

[Collection(PostgresLane.Name)]
public sealed class ItemPhotoTestsOnPostgres(PostgresAppFactory factory) : ItemPhotoTests(factory);
