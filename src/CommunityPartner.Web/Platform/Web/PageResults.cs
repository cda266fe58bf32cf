using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Platform.Web;

/// <summary>Puts a handler's refusals onto a page as field messages in the user's language.</summary>
public static class PageResults
{
    public static void AddErrors(this ModelStateDictionary modelState, ValidationErrors errors, IStringLocalizer<SharedResource> text, string prefix = "Input")
    {
        foreach (var error in errors.Items)
        {
            var field = error.Field.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}";
            modelState.AddModelError(field, text[error.MessageKey, error.Args]);
        }
    }

    public static void AddResult<T>(this ModelStateDictionary modelState, Result<T> result, IStringLocalizer<SharedResource> text, string prefix = "Input")
    {
        if (result.Kind == ResultKind.Invalid)
        {
            modelState.AddErrors(result.Errors, text, prefix);
        }
        else if (!result.IsOk)
        {
            modelState.AddModelError("", text[result.MessageKey ?? "操作与当前状态冲突", result.Args]);
        }
    }
}
