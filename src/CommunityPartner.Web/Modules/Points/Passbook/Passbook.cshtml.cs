using CommunityPartner.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityPartner.Web.Modules.Points.Passbook;

[Authorize(Policy = Policies.SignedIn)]
public sealed class PassbookModel(PassbookReader reader) : PageModel
{
    public PassbookDto Passbook { get; private set; } = new(0, 0, [], null);

    public async Task OnGetAsync(long? before, CancellationToken ct) =>
        Passbook = await reader.ReadAsync(User.UserId()!.Value, before, ct);
}
