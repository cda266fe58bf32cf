using System.Security.Claims;
using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Needs.RaiseNeed;

public sealed record RaiseNeedCommand(
    string? CommunityCode, string? CategoryCode, string? Title, string? Description, string? Address,
    double? Latitude, double? Longitude, bool ShowRaiserName, NeedChannel Channel, string? OnBehalfOfPhone,
    IReadOnlyList<PhotoUpload> Photos);

/// <summary>
/// A resident raises a need, or staff record one for a resident who phoned, walked in or was met by a grid worker.
/// Everything is checked before anything is stored; photos are written before the row and removed again if the
/// row cannot be saved, so a refusal leaves neither a record nor a file behind.
/// </summary>
public sealed class RaiseNeedHandler(
    AppDbContext db, ICommunityDirectory communities, UserManager<AppUser> users, FileStore files, AuditLog audit, TimeProvider clock)
{
    public const int MaxPhotos = 3;

    public Task<Result<Need>> HandleAsync(RaiseNeedCommand command, ClaimsPrincipal actor, CancellationToken ct) =>
        RaiseAsync(command, actor, null, ct);

    /// <summary>
    /// A need another civic system submits (Open311) with no user behind it: a web need without a raiser, checked exactly
    /// like a resident's. <paramref name="via"/> names the system in the audit entry.
    /// </summary>
    public Task<Result<Need>> HandleFromSystemAsync(RaiseNeedCommand command, string via, CancellationToken ct) =>
        RaiseAsync(command with { Channel = NeedChannel.Web, OnBehalfOfPhone = null }, new ClaimsPrincipal(new ClaimsIdentity()), via, ct);

    private async Task<Result<Need>> RaiseAsync(RaiseNeedCommand command, ClaimsPrincipal actor, string? via, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var title = command.Title?.Trim() ?? "";
        var description = command.Description?.Trim() ?? "";
        var address = command.Address?.Trim() ?? "";
        errors.Text("title", title, Need.TitleMax, "请填写标题", "标题不能超过 {0} 个字");
        errors.Text("description", description, Need.DescriptionMax, "请说明具体情况", "情况说明不能超过 {0} 个字");
        errors.Text("address", address, Need.AddressMax, "请填写地点", "地点不能超过 {0} 个字");
        PhotoUploads.CheckPoint(errors, command.Latitude, command.Longitude);

        var community = string.IsNullOrWhiteSpace(command.CommunityCode) ? null : await communities.FindByCodeAsync(command.CommunityCode.Trim(), ct);
        if (community is null)
        {
            errors.Add("communityCode", string.IsNullOrWhiteSpace(command.CommunityCode) ? "请选择社区" : "没有这个社区，请从列表中选择");
        }

        var category = string.IsNullOrWhiteSpace(command.CategoryCode) ? null
            : await db.Set<NeedCategory>().FirstOrDefaultAsync(c => c.Code == command.CategoryCode.Trim() && c.IsActive, ct);
        if (category is null)
        {
            errors.Add("categoryCode", string.IsNullOrWhiteSpace(command.CategoryCode) ? "请选择类别" : "没有这个类别，请从列表中选择");
        }

        var actorId = actor.UserId();
        Guid? raiserId = actorId;
        Guid? recordedBy = null;
        if (command.Channel != NeedChannel.Web)
        {
            // Recording on someone's behalf is staff work, within the staff member's own community.
            var isAdmin = actor.IsInRole(Roles.DistrictAdmin);
            if (!isAdmin && !(actor.IsInRole(Roles.CommunityStaff) && community is not null && actor.CommunityId() == community.Id))
            {
                return Result<Need>.Forbidden("只有本社区的社区工作者可以代居民登记诉求");
            }

            recordedBy = actorId;
            raiserId = null;
            if (!string.IsNullOrWhiteSpace(command.OnBehalfOfPhone))
            {
                var phone = PersonalData.NormalizePhone(command.OnBehalfOfPhone);
                var resident = PersonalData.IsMainlandMobile(phone) ? await users.FindByNameAsync(phone) : null;
                if (resident is null)
                {
                    errors.Add("onBehalfOfPhone", "没有找到这个手机号的居民账户；可以不填，诉求仍会登记");
                }
                else
                {
                    raiserId = resident.Id;
                }
            }
        }

        var photos = PhotoUploads.Read(command.Photos, MaxPhotos, errors);
        if (!errors.IsValid)
        {
            return errors;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var need = Need.Raise(
            new NeedDraft(community!.Id, title, description, address, command.Latitude, command.Longitude, command.Channel, raiserId, recordedBy, command.ShowRaiserName),
            category!, now);
        db.Add(need);
        var written = new List<string>();
        try
        {
            foreach (var photo in photos)
            {
                var record = new NeedPhoto(Guid.NewGuid(), need.Id, photo.ContentType, photo.Content.Length, photo.Width, photo.Height, now);
                var path = NeedPhotos.PathOf(record);
                await files.WriteAsync(path, photo.Content, ct);
                written.Add(path);
                db.Add(record);
            }

            audit.Record("needs.raise", nameof(Need), need.Id, null, via is null
                ? (object)new { need.Title, Category = category!.Code, need.Channel, need.RaiserId, need.RecordedById, Photos = photos.Count }
                : new { need.Title, Category = category!.Code, need.Channel, Via = via, Photos = photos.Count }, need.CommunityId);
            await db.SaveChangesAsync(ct);
            return need;
        }
        catch
        {
            written.ForEach(files.Delete);
            throw;
        }
    }
}

public static class NeedPhotos
{
    public static string PathOf(NeedPhoto photo) =>
        Path.Combine("needs", photo.NeedId.ToString("N"), photo.Id.ToString("N") + PhotoUploads.ExtensionOf(photo.ContentType));
}
