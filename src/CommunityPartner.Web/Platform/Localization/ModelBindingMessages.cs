using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommunityPartner.Web.Platform.Localization;

/// <summary>
/// What a form field gets when model binding cannot read what was typed (a word in a number field, a broken date):
/// a short message in the reader's language, naming the typed value, never ASP.NET's English "The value '两千' is not
/// valid for CostsYuan." (which also leaked the property name). The messages are looked up when they are made, so the
/// request's culture decides. A page can still give a more precise message (the running-costs page does).
/// </summary>
internal sealed class ModelBindingMessages(IStringLocalizer<SharedResource> text) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, _) => text["“{0}”不是这一项能填的内容，请按提示重新填写", value]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["“{0}”不是这一项能填的内容，请按提示重新填写", value]);
        m.SetUnknownValueIsInvalidAccessor(_ => text["这一项填写的内容无法识别，请按提示重新填写"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["这一项填写的内容无法识别，请按提示重新填写"]);
        m.SetValueIsInvalidAccessor(value => text["“{0}”不是这一项能填的内容，请按提示重新填写", value]);
        m.SetValueMustBeANumberAccessor(_ => text["这一项要填数字"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => text["这一项要填数字"]);
        m.SetValueMustNotBeNullAccessor(_ => text["这一项不能为空"]);
        m.SetMissingBindRequiredValueAccessor(_ => text["缺少这一项"]);
        m.SetMissingKeyOrValueAccessor(() => text["缺少这一项"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => text["请求内容不能为空"]);
    }
}
