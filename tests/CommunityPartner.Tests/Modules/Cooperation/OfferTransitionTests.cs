using CommunityPartner.Web.Modules.Cooperation;
using CommunityPartner.Web.Platform.Web;

namespace CommunityPartner.Tests.Modules.Cooperation;

/// <summary>Every move of an offer and an intent from every state: the legal ones land, the rest are refused by the entity.</summary>
public sealed class OfferTransitionTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly Guid User = Guid.NewGuid();
    private static readonly OfferLineDraft[] Lines = [new(OfferLineKind.Money, "", null, 1_000, null)];

    public static readonly string[] Moves = ["submit", "amend", "message", "accept", "decline", "withdraw", "sign"];

    public static TheoryData<OfferStatus, string> AllPairs()
    {
        var data = new TheoryData<OfferStatus, string>();
        foreach (var status in Enum.GetValues<OfferStatus>())
        {
            foreach (var move in Moves)
            {
                data.Add(status, move);
            }
        }

        return data;
    }

    /// <summary>Where each legal move leads; a pair not listed must be refused.</summary>
    private static readonly Dictionary<(OfferStatus, string), OfferStatus> Legal = new()
    {
        [(OfferStatus.Draft, "submit")] = OfferStatus.Negotiating,
        [(OfferStatus.Draft, "amend")] = OfferStatus.Draft,
        [(OfferStatus.Draft, "withdraw")] = OfferStatus.Withdrawn,
        [(OfferStatus.Negotiating, "amend")] = OfferStatus.Negotiating,
        [(OfferStatus.Negotiating, "message")] = OfferStatus.Negotiating,
        [(OfferStatus.Negotiating, "accept")] = OfferStatus.Accepted,
        [(OfferStatus.Negotiating, "decline")] = OfferStatus.Declined,
        [(OfferStatus.Negotiating, "withdraw")] = OfferStatus.Withdrawn,
        [(OfferStatus.Accepted, "message")] = OfferStatus.Accepted,
        [(OfferStatus.Accepted, "withdraw")] = OfferStatus.Withdrawn,
        [(OfferStatus.Accepted, "sign")] = OfferStatus.IntentSigned,
        [(OfferStatus.IntentSigned, "sign")] = OfferStatus.IntentSigned,
    };

    internal static Offer InState(OfferStatus status)
    {
        var offer = Offer.Draft(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), User, Now);
        offer.Amend(Lines, User, OfferSide.Partner, Now);
        if (status == OfferStatus.Draft)
        {
            return offer;
        }

        offer.Submit(User, Now);
        switch (status)
        {
            case OfferStatus.Accepted:
                offer.Accept(User, Now);
                break;
            case OfferStatus.Declined:
                offer.Decline(User, "暂不需要", Now);
                break;
            case OfferStatus.Withdrawn:
                offer.Withdraw(Now);
                break;
            case OfferStatus.IntentSigned:
                offer.Accept(User, Now);
                offer.MarkSigned(Now);
                break;
        }

        return offer;
    }

    private static void Apply(Offer offer, string move)
    {
        switch (move)
        {
            case "submit": offer.Submit(User, Now); break;
            case "amend": offer.Amend([new(OfferLineKind.Money, "", null, 2_000, null)], User, OfferSide.Community, Now); break;
            case "message": offer.Post(User, OfferSide.Partner, "你好", Now); break;
            case "accept": offer.Accept(User, Now); break;
            case "decline": offer.Decline(User, "暂不需要", Now); break;
            case "withdraw": offer.Withdraw(Now); break;
            default: offer.MarkSigned(Now); break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Move_FromEachState_LegalLandsIllegalIsRefusedAndChangesNothing(OfferStatus from, string move)
    {
        var offer = InState(from);
        var version = offer.Version;
        if (from == OfferStatus.Draft && move == "amend")
        {
            // Only the partner amends a draft; the community side is refused.
            Assert.Throws<DomainException>(() => Apply(offer, move));
            offer.Amend(Lines, User, OfferSide.Partner, Now);
            Assert.Equal(OfferStatus.Draft, offer.Status);
            return;
        }

        if (Legal.TryGetValue((from, move), out var to))
        {
            Apply(offer, move);
            Assert.Equal(to, offer.Status);
            Assert.True(offer.Version > version || (from, move) == (OfferStatus.IntentSigned, "sign"));
        }
        else
        {
            Assert.Throws<DomainException>(() => Apply(offer, move));
            Assert.Equal((from, version), (offer.Status, offer.Version));
        }
    }

    [Fact]
    public void Submit_DraftWithoutLines_IsRefused()
    {
        var offer = Offer.Draft(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), User, Now);
        Assert.Equal("请至少填写一项出力内容", Assert.Throws<DomainException>(() => offer.Submit(User, Now)).MessageKey);
    }

    [Fact]
    public void Amend_WhileNegotiating_RecordsOldAndNewInTheThread()
    {
        var offer = InState(OfferStatus.Negotiating);
        offer.Amend([new(OfferLineKind.Service, "安装调试", 40, 8_000, null)], User, OfferSide.Community, Now);
        var message = Assert.Single(offer.Messages);
        Assert.Equal(OfferSide.System, message.Side);
        Assert.Equal("资金 1000 元 → 安装调试 40 小时（约 8000 元）", message.Text);
    }

    [Fact]
    public void Intent_BothConfirm_SignsAndSignedVersionCannotBeConfirmedAgainButANewVersionCan()
    {
        var offer = InState(OfferStatus.Accepted);
        var intent = CooperationIntent.FromOffer(offer, User, Now);

        Assert.False(intent.Confirm(OfferSide.Partner, User, partnerVerified: true, Now));
        Assert.Throws<DomainException>(() => intent.Confirm(OfferSide.Partner, User, partnerVerified: true, Now));
        Assert.True(intent.Confirm(OfferSide.Community, User, partnerVerified: true, Now));
        Assert.Equal(1, intent.SignedNumber);
        Assert.Equal("这一版合作意向已经签署，不能再修改", Assert.Throws<DomainException>(() => intent.Confirm(OfferSide.Community, User, true, Now)).MessageKey);
        Assert.Throws<DomainException>(intent.MarkVoid);

        intent.ProposeVersion([new(OfferLineKind.Money, "", null, 5_000, null)], User, Now);
        Assert.Equal((2, 1), (intent.CurrentNumber, intent.SignedNumber));
        Assert.Equal(1_000, intent.SignedVersion!.Lines.Single().Yuan);
        Assert.Null(intent.Current.PartnerConfirmedAt);
    }

    [Fact]
    public void Intent_UnverifiedPartner_CannotConfirm()
    {
        var intent = CooperationIntent.FromOffer(InState(OfferStatus.Accepted), User, Now);
        var refused = Assert.Throws<DomainException>(() => intent.Confirm(OfferSide.Partner, User, partnerVerified: false, Now));
        Assert.Equal("合伙人尚未通过新区认证，不能签署合作意向", refused.MessageKey);
        Assert.Null(intent.Current.PartnerConfirmedAt);
    }

    [Theory]
    [InlineData(OfferStatus.Draft)]
    [InlineData(OfferStatus.Negotiating)]
    [InlineData(OfferStatus.Declined)]
    [InlineData(OfferStatus.Withdrawn)]
    public void Intent_FromOfferNotAccepted_IsRefused(OfferStatus status) =>
        Assert.Throws<DomainException>(() => CooperationIntent.FromOffer(InState(status), User, Now));
}
