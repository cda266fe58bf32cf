using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityPartner.Web.Modules.Needs;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>
/// Raises needs over the real API and reads back what was stored (rows, events, audit, files), for the raise and
/// list tests.
/// </summary>
public sealed class NeedFactory(AppFactory factory)
{
    public const string Description = "小区东门的情况已经持续好几天了，希望社区看看。";
    public const string Address = "东门";

    /// <summary>A JSON raise body; tests change single members to make it wrong.</summary>
    public static Dictionary<string, object?> Body(CommunityRef community, string title, string category = "sanitation") => new()
    {
        ["communityCode"] = community.Code,
        ["categoryCode"] = category,
        ["title"] = title,
        ["description"] = Description,
        ["address"] = Address,
    };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Raises a need as whoever <paramref name="client"/> is signed in as; returns its id.</summary>
    public static async Task<Guid> RaiseAsync(
        HttpClient client, CommunityRef community, string title, string category = "sanitation", string description = Description,
        string address = Address, bool showRaiserName = false)
    {
        var body = Body(community, title, category);
        body["description"] = description;
        body["address"] = address;
        body["showRaiserName"] = showRaiserName;
        var response = await client.PostAsJsonAsync("/api/v1/needs", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Raising '{title}' answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A staff move (respond, start, resolve, reject) over the API.</summary>
    public static async Task MoveAsync(HttpClient staffClient, Guid needId, string move, string text = "社区已安排人员处理。")
    {
        var response = await staffClient.PostAsJsonAsync($"/api/v1/needs/{needId}/{move}", new { text });
        Assert.True(response.IsSuccessStatusCode, $"{move} of {needId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<int> CountNeedsAsync() => QueryAsync(db => db.Set<Need>().CountAsync());

    public Task<int> CountPhotoRowsAsync() => QueryAsync(db => db.Set<NeedPhoto>().CountAsync());

    /// <summary>Every file under the host's storage root (see <see cref="AppFactory.StorageRoot"/>).</summary>
    public int CountFiles() =>
        Directory.Exists(factory.StorageRoot) ? Directory.EnumerateFiles(factory.StorageRoot, "*", SearchOption.AllDirectories).Count() : 0;

    public string[] FilesOf(Guid needId)
    {
        var folder = Path.Combine(factory.StorageRoot, "needs", needId.ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    public Task<Need> LoadAsync(Guid needId) =>
        QueryAsync(db => db.Set<Need>().AsNoTracking().Include(n => n.Events).SingleAsync(n => n.Id == needId));

    public Task<NeedCategory> CategoryAsync(string code) =>
        QueryAsync(db => db.Set<NeedCategory>().AsNoTracking().SingleAsync(c => c.Code == code));

    public Task<List<AuditEntry>> AuditAsync(string action, Guid needId)
    {
        var id = needId.ToString();
        return QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.EntityId == id).ToListAsync());
    }
}

/// <summary>A file to upload in a multipart form.</summary>
public sealed record UploadFile(string FileName, string ContentType, byte[] Bytes, string Field = "photos")
{
    public static UploadFile Jpeg(string name = "photo.jpg") => new(name, "image/jpeg", TestImages.Jpeg());
}

/// <summary>Multipart forms: the API's, and the page's (posted with the antiforgery token from its GET).</summary>
public static class MultipartForms
{
    public static MultipartFormDataContent Build(IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<UploadFile> files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }

        return content;
    }

    /// <summary>Loads <paramref name="pageUrl"/> and posts its main form as multipart, with its hidden fields, <paramref name="fields"/> and the files.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, IEnumerable<UploadFile> files)
    {
        var page = await Html.GetAsync(client, pageUrl);
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").First();
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, Build(values, files));
    }
}
