using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Needs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CommunityPartner.Tests.Modules.Needs.RaiseNeed;

/// <summary>Photos: accepted by content, re-encoded without metadata, kept outside wwwroot and served by a handler.</summary>
public abstract class NeedPhotoTests(AppFactory factory)
{
    private readonly NeedFactory _needs = new(factory);

    [Fact]
    public async Task Raise_JpegPngAndWebp_StoresThemOutsideWwwrootAndServesEachWithItsType()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        // Names say nothing true about the content: the type is read from the bytes.
        UploadFile[] files =
        [
            new("a.jpg", "image/jpeg", TestImages.Jpeg()),
            new("b.bin", "application/octet-stream", TestImages.Png()),
            new("c.jpg", "image/jpeg", TestImages.Webp()),
        ];

        var response = await client.PostAsync("/api/v1/needs", MultipartForms.Build(Fields(community, "三种照片"), files));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await NeedFactory.JsonAsync(response);
        var id = json.GetProperty("id").GetGuid();
        var photoIds = json.GetProperty("photoIds").EnumerateArray().Select(p => p.GetGuid()).ToList();
        Assert.Equal(3, photoIds.Count);
        var rows = await _needs.QueryAsync(db => db.Set<NeedPhoto>().AsNoTracking().Where(p => p.NeedId == id).ToListAsync());
        Assert.Equal(["image/jpeg", "image/png", "image/webp"], rows.Select(r => r.ContentType).Order());
        Assert.Equal(3, _needs.FilesOf(id).Length);
        Assert.All(_needs.FilesOf(id), f => Assert.StartsWith(factory.StorageRoot, f, StringComparison.Ordinal));
        var wwwroot = factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        Assert.DoesNotContain(Directory.EnumerateFiles(wwwroot, "*", SearchOption.AllDirectories), f => f.Contains(id.ToString("N"), StringComparison.Ordinal));

        var anonymous = await factory.Data.ApiClientAsync(null);
        foreach (var row in rows)
        {
            var photo = await anonymous.GetAsync($"/needs/{id}/photos/{row.Id}");
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal(row.ContentType, photo.Content.Headers.ContentType?.MediaType);
            var bytes = await photo.Content.ReadAsByteArrayAsync();
            Assert.Equal(row.ContentType, TestImages.FormatOf(bytes) switch
            {
                SKEncodedImageFormat.Jpeg => "image/jpeg",
                SKEncodedImageFormat.Png => "image/png",
                SKEncodedImageFormat.Webp => "image/webp",
                var other => other?.ToString(),
            });
            Assert.Equal(64, row.Width);
            Assert.Equal(48, row.Height);
        }
    }

    [Fact]
    public async Task ServePhoto_JpegCarryingGpsExif_ServedBytesHaveNoExif()
    {
        var original = TestImages.JpegWithGps();
        Assert.True(TestImages.HasExifSegment(original), "The test photo must carry EXIF for this test to mean anything.");
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));

        var response = await client.PostAsync("/api/v1/needs", MultipartForms.Build(Fields(community, "带定位的照片"), [new("gps.jpg", "image/jpeg", original)]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await NeedFactory.JsonAsync(response);
        var id = json.GetProperty("id").GetGuid();
        var photoId = json.GetProperty("photoIds")[0].GetGuid();
        var served = await client.GetByteArrayAsync($"/needs/{id}/photos/{photoId}");
        Assert.Equal(SKEncodedImageFormat.Jpeg, TestImages.FormatOf(served));
        Assert.False(TestImages.HasExifSegment(served), "The served photo still carries an EXIF segment.");
        Assert.False(TestImages.HasExifSegment(await File.ReadAllBytesAsync(Assert.Single(_needs.FilesOf(id)))), "The stored photo still carries an EXIF segment.");
    }

    [Fact]
    public async Task Raise_GoodAndBadPhoto_StoresNoNeedAndLeavesNoFile()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var files = (Before: _needs.CountFiles(), Needs: await _needs.CountNeedsAsync());
        UploadFile[] photos = [UploadFile.Jpeg("ok.jpg"), new("virus.jpg", "image/jpeg", TestImages.FakeExe())];

        var response = await client.PostAsync("/api/v1/needs", MultipartForms.Build(Fields(community, "一好一坏"), photos));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("virus.jpg", await response.Content.ReadAsStringAsync());
        Assert.Equal(files.Before, _needs.CountFiles());
        Assert.Equal(files.Needs, await _needs.CountNeedsAsync());
    }

    [Fact]
    public async Task ServePhoto_UnknownPhotoOrOtherNeed_Returns404()
    {
        var community = await factory.Data.CommunityAsync();
        var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var withPhoto = await client.PostAsync("/api/v1/needs", MultipartForms.Build(Fields(community, "有照片"), [UploadFile.Jpeg()]));
        var json = await NeedFactory.JsonAsync(withPhoto);
        var photoId = json.GetProperty("photoIds")[0].GetGuid();
        var otherNeed = await NeedFactory.RaiseAsync(client, community, "另一条诉求");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/needs/{json.GetProperty("id").GetGuid()}/photos/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/needs/{otherNeed}/photos/{photoId}")).StatusCode);
    }

    private static Dictionary<string, string> Fields(CommunityRef community, string title) => new()
    {
        ["communityCode"] = community.Code,
        ["categoryCode"] = "repairs",
        ["title"] = title,
        ["description"] = NeedFactory.Description,
        ["address"] = NeedFactory.Address,
    };
}

[Collection(SqliteLane.Name)]
public sealed class NeedPhotoTestsOnSqlite(SqliteAppFactory factory) : NeedPhotoTests(factory);

[Collection(PostgresLane.Name)]
public sealed class NeedPhotoTestsOnPostgres(PostgresAppFactory factory) : NeedPhotoTests(factory);
