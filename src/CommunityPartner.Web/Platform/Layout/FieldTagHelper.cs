using System.Globalization;
using System.Text.Encodings.Web;
using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Platform.Layout;

/// <summary>
/// One accessible form field: label, optional hint, the error message (linked by aria-describedby, marked
/// aria-invalid) and the input, so every form in the app looks and reads the same on a phone and in 长辈版.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> text, HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>Chinese label text (a localization key).</summary>
    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>text, password, tel, email, number, textarea, checkbox or select.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    public bool Required { get; set; }

    public int? Maxlength { get; set; }

    public int Rows { get; set; } = 4;

    public IEnumerable<SelectListItem>? Items { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).ToList() ?? [];
        var value = state?.AttemptedValue ?? Convert.ToString(For.Model, CultureInfo.InvariantCulture) ?? "";
        var describedBy = new List<string>();
        var body = new System.Text.StringBuilder();

        if (Type == "checkbox")
        {
            var isChecked = For.Model is true || state?.AttemptedValue == "true";
            body.Append(CultureInfo.InvariantCulture, $"<input type=\"checkbox\" id=\"{id}\" name=\"{E(name)}\" value=\"true\"{(isChecked ? " checked" : "")}{(Required ? " required" : "")}{Aria(errors, id, describedBy)}>");
            body.Append(CultureInfo.InvariantCulture, $"<label for=\"{id}\">{LabelHtml()}</label>");
            AppendHintAndErrors(body, id, errors);
            output.TagName = "div";
            output.TagMode = TagMode.StartTagAndEndTag;
            output.Attributes.SetAttribute("class", errors.Count > 0 ? "field check has-error" : "field check");
            output.Content.SetHtmlContent(body.ToString());
            return;
        }

        body.Append(CultureInfo.InvariantCulture, $"<label for=\"{id}\">{LabelHtml()}</label>");
        AppendHintAndErrors(body, id, errors);
        var common = $" id=\"{id}\" name=\"{E(name)}\"{(Required ? " required" : "")}{(Maxlength is { } m ? $" maxlength=\"{m}\"" : "")}"
            + $"{(Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"")}{(Inputmode is null ? "" : $" inputmode=\"{E(Inputmode)}\"")}";
        var aria = Aria(errors, id, describedBy);
        if (Type == "textarea")
        {
            body.Append(CultureInfo.InvariantCulture, $"<textarea{common} rows=\"{Rows}\"{aria}>{E(value)}</textarea>");
        }
        else if (Type == "select")
        {
            body.Append(CultureInfo.InvariantCulture, $"<select{common}{aria}>");
            foreach (var item in Items ?? [])
            {
                var selected = item.Value == value ? " selected" : "";
                body.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(item.Value)}\"{selected}>{E(item.Text)}</option>");
            }

            body.Append("</select>");
        }
        else
        {
            var keep = Type == "password" ? "" : value;
            body.Append(CultureInfo.InvariantCulture, $"<input type=\"{E(Type)}\"{common} value=\"{E(keep)}\"{aria}>");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field has-error" : "field");
        output.Content.SetHtmlContent(body.ToString());
    }

    private string LabelHtml() =>
        E(text[Label]) + (Required ? $" <span class=\"req\">({E(text["必填"])})</span>" : "");

    private void AppendHintAndErrors(System.Text.StringBuilder body, string id, List<string> errors)
    {
        if (Hint is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\" id=\"{id}-hint\">{E(text[Hint])}</p>");
        }

        if (errors.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"{id}-error\">{E(string.Join(" ", errors))}</p>");
        }
    }

    private string Aria(List<string> errors, string id, List<string> describedBy)
    {
        describedBy.Clear();
        if (Hint is not null)
        {
            describedBy.Add($"{id}-hint");
        }

        if (errors.Count > 0)
        {
            describedBy.Add($"{id}-error");
        }

        return (errors.Count > 0 ? " aria-invalid=\"true\"" : "") + (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "");
    }

    private string E(string value) => encoder.Encode(value);
}
