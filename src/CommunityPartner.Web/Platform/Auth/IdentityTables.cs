using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityPartner.Web.Platform.Auth;

/// <summary>Gives Identity's tables the accounts_ prefix every table of the app carries.</summary>
internal static class IdentityTables
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AppUser>(u =>
        {
            u.ToTable("accounts_users");
            u.Property(x => x.DisplayName).HasMaxLength(40).IsRequired();
            u.Property(x => x.PrivacyConsentVersion).HasMaxLength(20);
            u.HasIndex(x => x.CommunityId);
        });
        builder.Entity<IdentityRole<Guid>>(r =>
        {
            r.ToTable("accounts_roles");
            // Roles are part of the schema: every database has them from its first migration.
            r.HasData(Roles.All.Select((role, i) => new IdentityRole<Guid>
            {
                Id = new Guid($"00000000-0000-0000-0000-{i + 1:D12}"),
                Name = role,
                NormalizedName = role.ToUpperInvariant(),
                ConcurrencyStamp = role,
            }));
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("accounts_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("accounts_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("accounts_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("accounts_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("accounts_role_claims");
    }
}
