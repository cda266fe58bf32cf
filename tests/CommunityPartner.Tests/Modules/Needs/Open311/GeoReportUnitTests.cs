using CommunityPartner.Web.Modules.Needs.Open311;

namespace CommunityPartner.Tests.Modules.Needs.Open311;

/// <summary>The small rules behind the Open311 endpoints that HTTP tests reach only with awkward input.</summary>
public sealed class GeoReportUnitTests
{
    [Fact]
    public void TitleOf_CutInsideASurrogatePair_KeepsThePairWhole()
    {
        var description = new string('甲', 59) + "😀后面的字";

        var title = SubmitServiceRequest.TitleOf(description);

        Assert.Equal(new string('甲', 59), title);
    }

    [Fact]
    public void TitleOf_SeveralLines_TakesTheFirstWithoutItsCarriageReturn()
    {
        Assert.Equal("路灯不亮", SubmitServiceRequest.TitleOf("路灯不亮\r\n第二行"));
    }

    [Theory]
    [InlineData("2026-11-28T08:00:00+08:00", "2026-11-28T00:00:00Z")]
    [InlineData("2026-11-28T08:00:00 08:00", "2026-11-28T00:00:00Z")]
    [InlineData("2026-11-28T00:00:00Z", "2026-11-28T00:00:00Z")]
    [InlineData("2026-11-28T00:00:00", "2026-11-28T00:00:00Z")]
    [InlineData("2026-11-27T19:00:00-05:00", "2026-11-28T00:00:00Z")]
    public void TryParse_W3Times_ReadsTheInstant(string value, string expectedUtc)
    {
        Assert.True(GeoTime.TryParse(value, out var utc));

        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-02-30T00:00:00Z")]
    public void TryParse_NotATime_Refuses(string value) => Assert.False(GeoTime.TryParse(value, out _));

    [Fact]
    public void Format_UtcTime_WritesTheDistrictsOffset()
    {
        Assert.Equal("2026-11-28T08:30:05+08:00", GeoTime.Format(new DateTime(2026, 11, 28, 0, 30, 5, 700, DateTimeKind.Utc)));
    }

    [Fact]
    public void ToXml_ControlCharacterInText_IsDroppedSoTheDocumentStaysWellFormed()
    {
        var body = new GeoList("request", [new GeoObject { { "description", "坏\u0001了 😀" } }]);

        var xml = System.Text.Encoding.UTF8.GetString(new GeoReportResult(200, "service_requests", body, GeoFormat.Xml).ToXml());

        Assert.Equal("坏了 😀", System.Xml.Linq.XDocument.Parse(xml).Root!.Element("request")!.Element("description")!.Value);
    }
}
