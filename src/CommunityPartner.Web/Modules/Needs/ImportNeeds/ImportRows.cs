using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using static CommunityPartner.Web.Modules.Needs.ImportNeeds.ImportSheet;

namespace CommunityPartner.Web.Modules.Needs.ImportNeeds;

/// <summary>
/// Turns rows into needs through <see cref="Need.Import"/>, collecting every row's errors: missing or invalid fields
/// first, then whatever the entity refuses (dates out of order, a resolved need without its answer…).
/// </summary>
internal static class ImportRows
{
    public static async Task<List<Need>> BuildAsync(
        AppDbContext db, IReadOnlyList<ImportRow> rows, Guid communityId, Guid staffId, Guid importId, DateTime now, List<RowError> errors, CancellationToken ct)
    {
        var categories = await db.Set<NeedCategory>().AsNoTracking().ToListAsync(ct);
        var phones = rows.Select(r => PhoneOf(r.Cells[Phone])).Where(PersonalData.IsMainlandMobile).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => phones.Contains(u.UserName!))
            .Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var needs = new List<Need>();
        foreach (var row in rows)
        {
            var before = errors.Count;
            void Add(string key, params object[] args) => errors.Add(new RowError(row.Row, key, args));
            string Cell(string column) => row.Cells[column];

            var title = Cell(Title);
            if (title.Length == 0)
            {
                Add("缺少标题");
            }
            else if (title.Length > Need.TitleMax)
            {
                Add("标题不能超过 {0} 个字", Need.TitleMax);
            }

            var category = categories.FirstOrDefault(c => c.Name == Cell(Category) || c.Code == Cell(Category) || c.NameEn == Cell(Category));
            if (Cell(Category).Length == 0)
            {
                Add("缺少类别");
            }
            else if (category is null)
            {
                Add("没有这个类别：{0}", Cell(Category));
            }

            DateTime submitted = default;
            if (Cell(Submitted).Length == 0)
            {
                Add("缺少提交日期");
            }
            else if (!TryDate(row.Raw.GetValueOrDefault(Submitted), out submitted))
            {
                Add("提交日期无效，应写成 2025-04-03 这样的日期");
            }

            var status = StatusOf(Cell(Status));
            if (Cell(Status).Length == 0)
            {
                Add("缺少状态");
            }
            else if (status is null)
            {
                Add("状态只能是待回应、已回应、处理中、已解决或不予受理");
            }

            var responded = OptionalDate(row, Responded, "回应日期无效，应写成 2025-04-03 这样的日期", Add);
            var resolved = OptionalDate(row, Resolved, "解决日期无效，应写成 2025-04-03 这样的日期", Add);
            var channel = ChannelOf(Cell(Channel));
            if (channel is null)
            {
                Add("渠道只能是网上提交、热线电话、上门反映或网格员上报");
            }

            var phone = PhoneOf(Cell(Phone));
            if (phone is not null && !PersonalData.IsMainlandMobile(phone))
            {
                Add("提出人电话应是 11 位手机号");
            }

            Limit(Cell(Address), Need.AddressMax, "地址不能超过 {0} 个字", Add);
            Limit(Cell(Description), Need.DescriptionMax, "描述不能超过 {0} 个字", Add);
            Limit(Cell(Result), Need.AnswerMax, "办理结果不能超过 {0} 个字", Add);
            if (errors.Count > before)
            {
                continue;
            }

            // The raiser is linked only when they have an account here; a phone alone is not kept.
            Guid? raiser = phone is not null && accounts.TryGetValue(phone, out var account) ? account : null;
            var description = Cell(Description).Length == 0 ? title : Cell(Description);
            var draft = new NeedDraft(communityId, title, description, Cell(Address), null, null, channel!.Value, raiser, staffId, ShowRaiserName: false);
            try
            {
                needs.Add(Need.Import(draft, category!, new ImportedHistory(status!.Value, submitted, responded, resolved, Cell(Result)), importId, staffId, now));
            }
            catch (DomainException e)
            {
                Add(e.MessageKey, e.Args);
            }
        }

        return needs;
    }

    private static DateTime? OptionalDate(ImportRow row, string column, string error, Action<string, object[]> add)
    {
        if (row.Cells[column].Length == 0)
        {
            return null;
        }

        if (TryDate(row.Raw.GetValueOrDefault(column), out var value))
        {
            return value;
        }

        add(error, []);
        return null;
    }

    private static void Limit(string text, int max, string key, Action<string, object[]> add)
    {
        if (text.Length > max)
        {
            add(key, [max]);
        }
    }
}
