using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>Reads pages the way a browser would (AngleSharp) and submits their forms with the antiforgery token.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await ParseAsync(html);
    }

    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html));
    }

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        }

        return await ParseAsync(response);
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the form (the one posting to <paramref name="handler"/> if given, else the
    /// main content's first post form), and posts <paramref name="fields"/> plus its hidden fields.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string? handler = null)
    {
        var page = await GetAsync(client, pageUrl);
        var forms = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").ToList();
        var form = handler is null
            ? forms.First()
            : forms.First(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase));
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>The texts of the field error messages on a page.</summary>
    public static IReadOnlyList<string> FieldErrors(IDocument page) =>
        [.. page.QuerySelectorAll(".field .error, .alert p").Select(e => e.TextContent.Trim())];
}
