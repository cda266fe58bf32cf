using System.Security.Claims;
using CommunityPartner.Web.Modules.Notifications.Contracts;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Modules.Cooperation.RecordDelivery;

/// <summary>A delivery as a form or JSON body sends it: the signed line, money or estimated value in yuan, hours for a service line, a note.</summary>
public sealed record DeliveryInput(Guid? LineId, long? Yuan, int? Hours, string? Note);

/// <summary>
/// Members of the intent's partner record deliveries against the lines of its signed version; the project's community
/// staff (or the district admin) confirm or dispute each one. Both sides hear of it; every change is audited.
/// </summary>
public sealed class RecordDeliveryHandler(AppDbContext db, CooperationPeople people, INotifier notifier, AuditLog audit, FileStore files, TimeProvider clock)
{
    /// <param name="photo">An optional photo of what was handed over: JPEG, PNG or WebP up to 5 MB, stored re-encoded.</param>
    public async Task<Result<Delivery>> RecordAsync(Guid intentId, DeliveryInput? input, PhotoUpload? photo, ClaimsPrincipal user, CancellationToken ct)
    {
        var intent = await db.Set<CooperationIntent>().AsNoTracking().Include(i => i.Versions).ThenInclude(v => v.Lines).AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == intentId, ct);
        if (intent is null)
        {
            return Result<Delivery>.NotFound("未找到这份合作意向");
        }

        var parties = await people.PartiesAsync(intent.PartnerId, intent.CommunityId, user, ct);
        if (parties is not { IsMember: true } || user.UserId() is not { } userId)
        {
            return Result<Delivery>.Forbidden("只有出力的合伙人成员可以登记兑现");
        }

        if (!intent.IsSigned || intent.IsVoid)
        {
            return Result<Delivery>.Conflict("合作意向尚未签署，不能登记兑现");
        }

        var errors = new ValidationErrors();
        var line = input?.LineId is { } lineId ? intent.SignedVersion!.Lines.FirstOrDefault(l => l.Id == lineId) : null;
        if (line is null)
        {
            errors.Add("lineId", "请选择已签署合作意向中的一项出力内容");
        }

        var yuan = input?.Yuan ?? 0;
        var hours = input?.Hours;
        if (line?.Kind == OfferLineKind.Service)
        {
            if (hours is not { } h || h <= 0 || h > OfferLineDraft.MaxHours)
            {
                errors.Add("hours", "服务时长须为 1 到 {0} 小时", OfferLineDraft.MaxHours);
            }

            if (yuan < 0)
            {
                errors.Add("yuan", "估算价值不能为负数");
            }
        }
        else if (line is not null && yuan <= 0)
        {
            errors.Add("yuan", line.Kind == OfferLineKind.Money ? "到账金额须为大于 0 的整数元" : "估算价值须为大于 0 的整数元");
        }

        if (yuan > OfferLineDraft.MaxYuan)
        {
            errors.Add("yuan", "金额不能超过 {0} 元", OfferLineDraft.MaxYuan);
        }

        var note = input?.Note?.Trim() ?? "";
        errors.Text("note", note, Delivery.NoteMax, "请填写兑现说明", "兑现说明不能超过 {0} 个字");
        var image = photo is null ? null : PhotoUploads.Read([photo], 1, errors, "photo").FirstOrDefault();
        if (!errors.IsValid)
        {
            return errors;
        }

        Delivery delivery;
        try
        {
            delivery = Delivery.Record(intent, line!, yuan, hours, note, userId, clock.GetUtcNow().UtcDateTime, image?.ContentType);
        }
        catch (DomainException e)
        {
            return Result<Delivery>.Conflict(e.MessageKey, [.. e.Args]);
        }

        db.Add(delivery);
        audit.Record("cooperation.delivery.record", nameof(Delivery), delivery.Id, null, delivery.Snapshot(), intent.CommunityId, userId);
        notifier.Notify(await people.StaffOfAsync(intent.CommunityId, ct), "“{0}”登记了一笔兑现，请确认", $"/intents/{intent.Id}", [parties.Partner.Name], except: userId);
        if (image is not null)
        {
            await files.WriteAsync(delivery.PhotoPath!, image.Content, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The row was not saved, so neither is its photo.
            if (delivery.PhotoPath is { } path)
            {
                files.Delete(path);
            }

            throw;
        }

        return delivery;
    }

    public Task<Result<Delivery>> ConfirmAsync(Guid deliveryId, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(deliveryId, user, "cooperation.delivery.confirm", "社区已确认“{0}”登记的兑现", (d, staffId, now) => d.Confirm(staffId, now), ct);

    public Task<Result<Delivery>> DisputeAsync(Guid deliveryId, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var text = reason?.Trim() ?? "";
        var errors = new ValidationErrors().Text("reason", text, Delivery.ReasonMax, "请写明异议理由", "异议理由不能超过 {0} 个字");
        return DecideAsync(deliveryId, user, "cooperation.delivery.dispute", "社区对“{0}”登记的兑现提出了异议", (d, staffId, now) => d.Dispute(text, staffId, now), ct, errors);
    }

    private async Task<Result<Delivery>> DecideAsync(
        Guid deliveryId, ClaimsPrincipal user, string action, string notifyKey, Action<Delivery, Guid, DateTime> decide, CancellationToken ct, ValidationErrors? errors = null)
    {
        var delivery = await db.Set<Delivery>().FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null)
        {
            return Result<Delivery>.NotFound("未找到这笔兑现");
        }

        if (!CooperationPeople.IsStaffOf(user, delivery.CommunityId) || user.UserId() is not { } staffId)
        {
            return Result<Delivery>.Forbidden("只有项目所在社区的社区工作者可以确认兑现");
        }

        if (errors is { IsValid: false })
        {
            return errors;
        }

        var before = delivery.Snapshot();
        try
        {
            decide(delivery, staffId, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return Result<Delivery>.Conflict(e.MessageKey, [.. e.Args]);
        }

        audit.Record(action, nameof(Delivery), delivery.Id, before, delivery.Snapshot(), delivery.CommunityId, staffId);
        var parties = await people.PartiesAsync(delivery.PartnerId, delivery.CommunityId, user, ct);
        if (parties is not null)
        {
            notifier.Notify(parties.Partner.MemberIds, notifyKey, $"/intents/{delivery.IntentId}", [parties.Partner.Name], except: staffId);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Delivery>.Conflict("这笔兑现刚被其他人处理，请刷新后再试");
        }

        return delivery;
    }
}
