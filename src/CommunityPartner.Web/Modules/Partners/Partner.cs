using static CommunityPartner.Web.Platform.Web.DomainException;

namespace CommunityPartner.Web.Modules.Partners;

/// <summary>The four kinds of community partner (社区合伙人).</summary>
public enum PartnerType
{
    /// <summary>企事业单位.</summary>
    Enterprise = 0,

    /// <summary>爱心商家.</summary>
    Merchant = 1,

    /// <summary>社会组织.</summary>
    SocialOrganisation = 2,

    /// <summary>爱心人士.</summary>
    Individual = 3,
}

public enum PartnerStatus
{
    Pending = 0,
    Verified = 1,
    Rejected = 2,
}

/// <summary>What a registration brings, already validated.</summary>
public sealed record PartnerDraft(
    PartnerType Type, string Name, string? CreditCode, string ContactName, string ContactPhone, string Introduction,
    IReadOnlyList<string> Strengths, IReadOnlyList<Guid> Communities, bool ShowOnHonourWall);

/// <summary>
/// A community partner: an organisation or a caring individual who helps communities. The district admin verifies it
/// (only verified partners can sign cooperation intents) or rejects it with a reason; an edit of a rejected partner
/// sends it back for review.
/// </summary>
public sealed class Partner
{
    public const int NameMax = 60;
    public const int ContactNameMax = 30;
    public const int IntroductionMax = 1000;
    public const int ReasonMax = 500;

    private readonly List<PartnerStrength> _strengths = [];
    private readonly List<PartnerCommunity> _communities = [];
    private readonly List<PartnerMember> _members = [];

    private Partner()
    {
    }

    public Guid Id { get; private set; }

    public PartnerType Type { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>统一社会信用代码, for organisations; null for an individual.</summary>
    public string? CreditCode { get; private set; }

    public string ContactName { get; private set; } = "";

    /// <summary>Personal data: shown to the district admin and the partner's members only, masked elsewhere.</summary>
    public string ContactPhone { get; private set; } = "";

    public string Introduction { get; private set; } = "";

    /// <summary>Opted in to the honour wall (爱心榜).</summary>
    public bool ShowOnHonourWall { get; private set; }

    public PartnerStatus Status { get; private set; }

    public string? RejectReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public Guid? ReviewedById { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<PartnerStrength> Strengths => _strengths;

    public IReadOnlyList<PartnerCommunity> Communities => _communities;

    public IReadOnlyList<PartnerMember> Members => _members;

    public bool IsOrganisation => Type != PartnerType.Individual;

    public static Partner Register(PartnerDraft draft, Guid userId, DateTime now)
    {
        var partner = new Partner
        {
            Id = Guid.NewGuid(),
            Status = PartnerStatus.Pending,
            CreatedAt = now,
            CreatedById = userId,
        };
        partner.Apply(draft);
        partner._members.Add(new PartnerMember(partner.Id, userId, isOwner: true, now));
        return partner;
    }

    /// <summary>Members edit the profile. A rejected partner that is corrected goes back to review; a verified one stays verified unless its identity changes.</summary>
    public void Edit(PartnerDraft draft)
    {
        var identityChanged = draft.Type != Type || draft.Name != Name || draft.CreditCode != CreditCode;
        Apply(draft);
        if (Status == PartnerStatus.Rejected || (Status == PartnerStatus.Verified && identityChanged))
        {
            Status = PartnerStatus.Pending;
            RejectReason = null;
        }

        Version++;
    }

    public void Verify(Guid adminId, DateTime now)
    {
        Require(Status == PartnerStatus.Pending, "只有待审核的合伙人才能审核");
        Status = PartnerStatus.Verified;
        RejectReason = null;
        ReviewedAt = now;
        ReviewedById = adminId;
        Version++;
    }

    public void Reject(Guid adminId, string reason, DateTime now)
    {
        Require(Status == PartnerStatus.Pending, "只有待审核的合伙人才能审核");
        Status = PartnerStatus.Rejected;
        RejectReason = reason;
        ReviewedAt = now;
        ReviewedById = adminId;
        Version++;
    }

    /// <summary>Members opt in to the honour wall (爱心榜) or out of it; asking for what is already so is refused.</summary>
    public void SetHonourWall(bool show)
    {
        Require(show != ShowOnHonourWall, show ? "已经在爱心榜上展示" : "本来就没有在爱心榜上展示");
        ShowOnHonourWall = show;
        Version++;
    }

    public bool HasMember(Guid userId) => _members.Any(m => m.UserId == userId);

    /// <summary>A member invites a colleague who already has an account; they manage the partner from then on.</summary>
    public void AddMember(Guid userId, DateTime now)
    {
        Require(!HasMember(userId), "这位同事已经是合伙人成员");
        Require(_members.Count < 50, "一个合伙人最多 50 名成员");
        _members.Add(new PartnerMember(Id, userId, isOwner: false, now));
        Version++;
    }

    public object Snapshot() => new
    {
        Type,
        Name,
        CreditCode,
        ContactName,
        Status,
        RejectReason,
        ShowOnHonourWall,
        Strengths = _strengths.Select(s => s.Code),
        Communities = _communities.Select(c => c.CommunityId),
        Version,
    };

    private void Apply(PartnerDraft draft)
    {
        Type = draft.Type;
        Name = draft.Name;
        CreditCode = draft.Type == PartnerType.Individual ? null : draft.CreditCode;
        ContactName = draft.ContactName;
        ContactPhone = draft.ContactPhone;
        Introduction = draft.Introduction;
        ShowOnHonourWall = draft.ShowOnHonourWall;
        _strengths.RemoveAll(s => !draft.Strengths.Contains(s.Code));
        foreach (var code in draft.Strengths.Where(c => _strengths.All(s => s.Code != c)))
        {
            _strengths.Add(new PartnerStrength(Id, code));
        }

        _communities.RemoveAll(c => !draft.Communities.Contains(c.CommunityId));
        foreach (var id in draft.Communities.Where(c => _communities.All(x => x.CommunityId != c)))
        {
            _communities.Add(new PartnerCommunity(Id, id));
        }
    }
}

/// <summary>What a partner is good at, as a tag code (see <see cref="PartnerText.Strengths"/>).</summary>
public sealed class PartnerStrength
{
    private PartnerStrength()
    {
    }

    internal PartnerStrength(Guid partnerId, string code)
    {
        PartnerId = partnerId;
        Code = code;
    }

    public Guid PartnerId { get; private set; }

    public string Code { get; private set; } = "";
}

/// <summary>A community the partner serves.</summary>
public sealed class PartnerCommunity
{
    private PartnerCommunity()
    {
    }

    internal PartnerCommunity(Guid partnerId, Guid communityId)
    {
        PartnerId = partnerId;
        CommunityId = communityId;
    }

    public Guid PartnerId { get; private set; }

    public Guid CommunityId { get; private set; }
}

/// <summary>A person who acts for the partner: keeps its profile, makes offers, signs intents.</summary>
public sealed class PartnerMember
{
    private PartnerMember()
    {
    }

    internal PartnerMember(Guid partnerId, Guid userId, bool isOwner, DateTime at)
    {
        PartnerId = partnerId;
        UserId = userId;
        IsOwner = isOwner;
        At = at;
    }

    public Guid PartnerId { get; private set; }

    public Guid UserId { get; private set; }

    public bool IsOwner { get; private set; }

    public DateTime At { get; private set; }
}

public static class PartnerText
{
    /// <summary>The strength tags, code → Chinese name (a localization key).</summary>
    public static readonly IReadOnlyList<(string Code, string Key)> Strengths =
    [
        ("funding", "资金"), ("gardening", "园艺"), ("building-repair", "建筑维修"), ("it", "信息技术"), ("legal", "法律"),
        ("medical", "医疗"), ("education", "教育"), ("venue", "场地"), ("volunteers", "志愿者"), ("catering", "餐饮"),
        ("recycling", "环保回收"), ("culture", "文化体育"),
    ];

    public static string StrengthKey(string code) => Strengths.FirstOrDefault(s => s.Code == code).Key ?? code;

    public static string TypeKey(PartnerType type) => type switch
    {
        PartnerType.Enterprise => "企事业单位",
        PartnerType.Merchant => "爱心商家",
        PartnerType.SocialOrganisation => "社会组织",
        PartnerType.Individual => "爱心人士",
        _ => type.ToString(),
    };

    /// <summary>API spelling: enterprise, merchant, social_organisation, individual.</summary>
    public static string TypeCode(PartnerType type) => type switch
    {
        PartnerType.SocialOrganisation => "social_organisation",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static PartnerType? ParseType(string? code) =>
        Enum.GetValues<PartnerType>().Cast<PartnerType?>().FirstOrDefault(t => TypeCode(t!.Value) == code);

    public static string StatusKey(PartnerStatus status) => status switch
    {
        PartnerStatus.Pending => "待审核",
        PartnerStatus.Verified => "已认证",
        PartnerStatus.Rejected => "未通过",
        _ => status.ToString(),
    };

    public static string StatusCode(PartnerStatus status) => status.ToString().ToLowerInvariant();
}
