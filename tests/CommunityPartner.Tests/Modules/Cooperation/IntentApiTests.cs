using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Cooperation;
using Microsoft.EntityFrameworkCore;
using static CommunityPartner.Tests.Modules.Cooperation.CooperationTestData;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>Accepting makes a versioned intent; both sides confirm it; signed versions never change; races end cleanly.</summary>
public abstract class IntentApiTests(AppFactory factory)
{
    private readonly CooperationTestData _data = new(factory);

    [Fact]
    public async Task Accept_FreezesLinesAsVersionOneAndBothConfirmationsSignIt()
    {
        var w = await _data.WorldAsync();
        var (offerId, intentId) = await AcceptedAsync(w);

        var v1 = await ProjectsTestData.GetJsonAsync(w.Partner.Client, $"/api/v1/intents/{intentId}");
        Assert.Equal(("confirming", 1), (v1.GetProperty("status").GetString(), v1.GetProperty("currentNumber").GetInt32()));
        Assert.Equal([50_000L, 8_000L], v1.GetProperty("versions")[0].GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("yuan").GetInt64()));

        var partner = await w.Partner.Client.PostAsync($"/api/v1/intents/{intentId}/confirm", null);
        var twice = await w.Partner.Client.PostAsync($"/api/v1/intents/{intentId}/confirm", null);
        var staff = await w.StaffClient.PostAsync($"/api/v1/intents/{intentId}/confirm", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.OK), (partner.StatusCode, twice.StatusCode, staff.StatusCode));
        var signed = (await staff.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions")[0];
        Assert.Equal(w.Partner.Member.Name, signed.GetProperty("partnerConfirmedBy").GetString());
        Assert.Equal(w.Staff.Name, signed.GetProperty("communityConfirmedBy").GetString());
        Assert.NotEqual(JsonValueKind.Null, signed.GetProperty("signedAt").ValueKind);
        Assert.Equal(OfferStatus.IntentSigned, (await _data.LoadAsync(offerId)).Status);
        var audit = (await _data.AuditOfAsync(intentId)).Select(a => a.Action).ToList();
        Assert.Equal(["cooperation.intent.create", "cooperation.intent.confirm", "cooperation.intent.sign"], audit);
    }

    [Fact]
    public async Task Confirm_ByMemberOfUnverifiedPartner_IsRefusedWithAClearMessage()
    {
        var w = await _data.WorldAsync(verified: false);
        var (_, intentId) = await AcceptedAsync(w);

        var response = await w.Partner.Client.PostAsync($"/api/v1/intents/{intentId}/confirm", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("合伙人尚未通过新区认证，不能签署合作意向", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
        var intent = await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}");
        Assert.Equal(JsonValueKind.Null, intent.GetProperty("versions")[0].GetProperty("partnerConfirmedAt").ValueKind);
    }

    [Fact]
    public async Task SignedIntent_CannotBeAmendedButANewVersionCanAndTheOldStaysReadable()
    {
        var w = await _data.WorldAsync();
        var (offerId, intentId) = await SignedAsync(w);

        var amend = await w.Partner.Client.PostAsJsonAsync($"/api/v1/offers/{offerId}/amend", new { lines = new[] { Money(1, w.FundingAsk) } });
        var confirmAgain = await w.StaffClient.PostAsync($"/api/v1/intents/{intentId}/confirm", null);
        var badVersion = await w.StaffClient.PostAsJsonAsync($"/api/v1/intents/{intentId}/versions", new { lines = Array.Empty<object>() });
        var version = await w.StaffClient.PostAsJsonAsync($"/api/v1/intents/{intentId}/versions", new { lines = new[] { Money(60_000, w.FundingAsk) } });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.BadRequest), (amend.StatusCode, confirmAgain.StatusCode, badVersion.StatusCode));
        Assert.Equal(HttpStatusCode.Created, version.StatusCode);
        var intent = await version.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("amending", 2, 1), (intent.GetProperty("status").GetString(), intent.GetProperty("currentNumber").GetInt32(), intent.GetProperty("signedNumber").GetInt32()));
        var versions = intent.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([60_000L], versions[0].GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("yuan").GetInt64()));
        Assert.Equal(JsonValueKind.Null, versions[0].GetProperty("partnerConfirmedAt").ValueKind);
        Assert.Equal([50_000L, 8_000L], versions[1].GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("yuan").GetInt64()));
        Assert.NotEqual(JsonValueKind.Null, versions[1].GetProperty("signedAt").ValueKind);

        await ProjectsTestData.EnsureAsync(await w.Partner.Client.PostAsync($"/api/v1/intents/{intentId}/confirm", null), "confirm v2");
        await ProjectsTestData.EnsureAsync(await w.StaffClient.PostAsync($"/api/v1/intents/{intentId}/confirm", null), "confirm v2");
        var resigned = await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}");
        Assert.Equal(("signed", 2), (resigned.GetProperty("status").GetString(), resigned.GetProperty("signedNumber").GetInt32()));
    }

    [Fact]
    public async Task Intent_StaffOfAnotherCommunityAndMemberOfAnotherPartner_AreRefused()
    {
        var w = await _data.WorldAsync();
        var (_, intentId) = await AcceptedAsync(w);
        using var otherStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(await factory.Data.CommunityAsync()));
        var otherPartner = await _data.PartnerAsync(w.Community);

        foreach (var client in new[] { otherStaff, otherPartner.Client })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/intents/{intentId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/intents/{intentId}/confirm", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/intents/{intentId}/versions", new { lines = CoveringLines(w) })).StatusCode);
        }

        var intent = await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}");
        Assert.Equal(1, intent.GetProperty("currentNumber").GetInt32());
        Assert.Equal(JsonValueKind.Null, intent.GetProperty("versions")[0].GetProperty("communityConfirmedAt").ValueKind);
    }

    [Fact]
    public async Task Accept_TwiceInParallel_OneSucceedsOneConflictsAndOneIntentExists()
    {
        var w = await _data.WorldAsync();
        var secondStaff = await factory.Data.ApiClientAsync(await factory.Data.StaffAsync(w.Community));
        var offerId = await OfferAsync(w);

        var responses = await Task.WhenAll(
            w.StaffClient.PostAsync($"/api/v1/offers/{offerId}/accept", null),
            secondStaff.PostAsync($"/api/v1/offers/{offerId}/accept", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await _data.QueryAsync(db => db.Set<CooperationIntent>().CountAsync(i => i.OfferId == offerId)));
    }

    [Fact]
    public async Task Confirm_BothSidesInParallel_BothCountAndTheIntentIsSignedOnce()
    {
        var w = await _data.WorldAsync();
        var (offerId, intentId) = await AcceptedAsync(w);

        var responses = await Task.WhenAll(
            w.Partner.Client.PostAsync($"/api/v1/intents/{intentId}/confirm", null),
            w.StaffClient.PostAsync($"/api/v1/intents/{intentId}/confirm", null));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var intent = await ProjectsTestData.GetJsonAsync(w.StaffClient, $"/api/v1/intents/{intentId}");
        Assert.Equal(("signed", 1), (intent.GetProperty("status").GetString(), intent.GetProperty("signedNumber").GetInt32()));
        Assert.Equal(OfferStatus.IntentSigned, (await _data.LoadAsync(offerId)).Status);
        Assert.Single(await _data.AuditOfAsync(intentId), a => a.Action == "cooperation.intent.sign");
    }
}

[Collection(SqliteLane.Name)]
public sealed class IntentApiTestsOnSqlite(SqliteAppFactory factory) : IntentApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class IntentApiTestsOnPostgres(PostgresAppFactory factory) : IntentApiTests(factory);
