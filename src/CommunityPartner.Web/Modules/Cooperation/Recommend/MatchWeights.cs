namespace CommunityPartner.Web.Modules.Cooperation.Recommend;

/// <summary>
/// Every weight of partner–project matching, in one place (ADR 0010, "Matching"). A partner's fit for a project is the
/// sum of: <see cref="PerAsk"/> for each ask one of its strengths can help with (plus <see cref="KeyAsk"/> when that
/// ask is key), <see cref="ServesCommunity"/> when it serves the project's community, up to <see cref="RecordMax"/>
/// for its record (lines delivered ÷ lines pledged over its signed intents; nothing while it has none), and
/// <see cref="Verified"/> when the district admin verified it. Only candidates that fit an ask or serve the community
/// are listed; ties go by name, then id, so the order is stable. All integer arithmetic: no rounding surprises.
/// </summary>
public static class MatchWeights
{
    public const int PerAsk = 20;
    public const int KeyAsk = 10;
    public const int ServesCommunity = 25;
    public const int RecordMax = 20;
    public const int Verified = 15;

    /// <summary>How many recommendations a list shows at most.</summary>
    public const int Limit = 10;

    /// <summary>
    /// Which asks a strength tag helps with: "funding" every funding ask; the others an ask whose title contains one
    /// of the tag's keywords (space-separated; the Chinese string is also a localization key, its English entry lists
    /// English keywords for readers).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Keywords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["gardening"] = "园艺 绿化 绿植 花草 种植 公园 苗木",
        ["building-repair"] = "维修 改造 修缮 施工 电工 安装 翻新 施划 座椅 设施",
        ["it"] = "信息 智能 智慧 系统 网络 数字 软件",
        ["legal"] = "法律 法务 调解 合同",
        ["medical"] = "医疗 健康 体检 护理 义诊",
        ["education"] = "教育 课程 研学 培训 辅导",
        ["venue"] = "场地 活动室 空间 场所",
        ["volunteers"] = "志愿者 值守 人次 带队",
        ["catering"] = "餐 厨房 食堂",
        ["recycling"] = "回收 环保 垃圾 分类 清洁",
        ["culture"] = "文化 体育 健身 书屋 图书 器材",
    };

    public static bool Helps(string strength, string askKind, string askTitle) =>
        strength == "funding"
            ? askKind == "funding"
            : Keywords.TryGetValue(strength, out var words) && words.Split(' ').Any(w => askTitle.Contains(w, StringComparison.Ordinal));
}
