using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Accounts;

/// <summary>Reads accounts and audit entries straight from the database, to check what a request did (or did not) store.</summary>
internal sealed class AccountStore(AppFactory factory)
{
    /// <summary>Accounts holding this phone (as user name or phone number) or, when given, this display name.</summary>
    public async Task<int> CountAsync(string phone, string? displayName = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var byName = !string.IsNullOrEmpty(displayName);
        return await db.Users.CountAsync(u => u.UserName == phone || u.PhoneNumber == phone || (byName && u.DisplayName == displayName));
    }

    public async Task<StoredAccount?> FindAsync(string phone)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(phone);
        if (user is null)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        return new StoredAccount(user, [.. roles]);
    }

    public async Task<List<AuditEntry>> AuditAsync(string action, Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = userId.ToString();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.EntityId == id).ToListAsync();
    }
}

internal sealed record StoredAccount(AppUser User, IReadOnlyList<string> Roles);
