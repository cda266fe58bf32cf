using CommunityPartner.Web.Modules.Communities.Contracts;
using CommunityPartner.Web.Modules.Projects.Contracts;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Modules.Roadshows.CreateRoadshow;

[Authorize(Policy = Policies.Staff)]
public sealed class CreateRoadshowModel(RoadshowEditor editor, IProjectCatalog projects, ICommunityDirectory communities, IStringLocalizer<SharedResource> text)
    : RoadshowFormPage(projects, communities, text)
{
    public override string Heading => "组织路演";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Capacity = 100;
        await LoadProjectsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var command = ToCommand();
        if (command is null)
        {
            await LoadProjectsAsync(ct);
            return Page();
        }

        return await AfterAsync(await editor.CreateAsync(command, User, ct), Text["路演已创建"], ct);
    }
}
