using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Needs.RaiseNeed;

/// <summary>
/// One wrong raise: a good form with one thing broken. <see cref="ApiField"/> is the problem details key the API must
/// name; <see cref="PageField"/> is the id of the page element whose message must appear.
/// </summary>
public sealed record BadRaise(string Case, string ApiField, string PageField, Dictionary<string, string> Changes, IReadOnlyList<UploadFile> Files)
{
    public static readonly string[] Cases =
    [
        "title-empty", "title-61", "description-empty", "description-2001", "address-empty", "address-201",
        "category-unknown", "community-unknown", "latitude-without-longitude", "latitude-out-of-range",
        "longitude-out-of-range", "photo-exe-as-jpg", "photo-text-as-png", "photo-6mb", "photos-4", "photos-good-and-bad",
    ];

    public static IEnumerable<object[]> All => Cases.Select(c => new object[] { c });

    /// <summary>The broken form for <paramref name="name"/>; field names are the API's (camelCase).</summary>
    public static BadRaise Of(string name) => name switch
    {
        "title-empty" => Text(name, "title", ""),
        "title-61" => Text(name, "title", new string('垃', 61)),
        "description-empty" => Text(name, "description", "  "),
        "description-2001" => Text(name, "description", new string('说', 2001)),
        "address-empty" => Text(name, "address", ""),
        "address-201" => Text(name, "address", new string('楼', 201)),
        "category-unknown" => Text(name, "categoryCode", "no-such-category"),
        "community-unknown" => Text(name, "communityCode", "no-such-community"),
        "latitude-without-longitude" => Point(name, "31.23", null),
        "latitude-out-of-range" => Point(name, "91", "121.47"),
        "longitude-out-of-range" => Point(name, "31.23", "181"),
        "photo-exe-as-jpg" => Photos(name, new UploadFile("photo.jpg", "image/jpeg", TestImages.FakeExe())),
        "photo-text-as-png" => Photos(name, new UploadFile("photo.png", "image/png", TestImages.Text())),
        "photo-6mb" => Photos(name, new UploadFile("big.jpg", "image/jpeg", TestImages.OversizedJpeg())),
        "photos-4" => Photos(name, [.. Enumerable.Range(1, 4).Select(i => UploadFile.Jpeg($"p{i}.jpg"))]),
        "photos-good-and-bad" => Photos(name, UploadFile.Jpeg("good.jpg"), new UploadFile("bad.jpg", "image/jpeg", TestImages.FakeExe())),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The API's multipart fields: a valid raise with this case's changes.</summary>
    public Dictionary<string, string> ApiFields(CommunityRef community, string title)
    {
        var fields = new Dictionary<string, string>
        {
            ["communityCode"] = community.Code,
            ["categoryCode"] = "sanitation",
            ["title"] = title,
            ["description"] = NeedFactory.Description,
            ["address"] = NeedFactory.Address,
        };
        foreach (var (key, value) in Changes)
        {
            fields[key] = value;
        }

        return fields;
    }

    /// <summary>The same fields under the page's names (Input.Title …).</summary>
    public Dictionary<string, string> PageFields(CommunityRef community, string title) =>
        ApiFields(community, title).ToDictionary(kv => $"Input.{char.ToUpperInvariant(kv.Key[0])}{kv.Key[1..]}", kv => kv.Value);

    private static BadRaise Text(string name, string field, string value) =>
        new(name, field, $"Input_{char.ToUpperInvariant(field[0])}{field[1..]}-error", new() { [field] = value }, []);

    private static BadRaise Point(string name, string latitude, string? longitude)
    {
        var changes = new Dictionary<string, string> { ["latitude"] = latitude };
        if (longitude is not null)
        {
            changes["longitude"] = longitude;
        }

        return new(name, "latitude", "location-error", changes, []);
    }

    private static BadRaise Photos(string name, params UploadFile[] files) => new(name, "photos", "photos-error", [], files);
}
