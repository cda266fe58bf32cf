using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Platform.Web;

/// <summary>Puts a handler's refusals onto a page as field messages in the user's language.</summary>
public static class PageResults
{
    /// <param name="prefix">The page's bound model ("Input"); empty when fields are bound directly.</param>
    /// <param name="field">Renames a handler field to the page's own name for it, when the two differ.</param>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationErrors errors, IStringLocalizer<SharedResource> text, string prefix = "Input", Func<string, string>? field = null)
    {
        foreach (var error in errors.Items)
        {
            var name = field?.Invoke(error.Field) ?? error.Field;
            var key = name.Length == 0 ? "" : $"{char.ToUpperInvariant(name[0])}{name[1..]}";
            modelState.AddModelError(key.Length == 0 || prefix.Length == 0 ? key : $"{prefix}.{key}", text[error.MessageKey, error.Args]);
        }
    }

    public static void AddResult<T>(this ModelStateDictionary modelState, Result<T> result, IStringLocalizer<SharedResource> text, string prefix = "Input", Func<string, string>? field = null)
    {
        if (result.Kind == ResultKind.Invalid)
        {
            modelState.AddErrors(result.Errors, text, prefix, field);
        }
        else if (!result.IsOk)
        {
            modelState.AddModelError("", text[result.MessageKey ?? "操作与当前状态冲突", result.Args]);
        }
    }
}
