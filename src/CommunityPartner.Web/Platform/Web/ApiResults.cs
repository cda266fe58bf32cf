using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Platform.Web;

/// <summary>Turns a handler's <see cref="Result{T}"/> into RFC 9457 problem details in the request's language.</summary>
public static class ApiResults
{
    public static IResult From<T>(Result<T> result, IStringLocalizer<SharedResource> text, Func<T, IResult> ok) => result.Kind switch
    {
        ResultKind.Ok => ok(result.Value!),
        ResultKind.Invalid => Validation(result.Errors, text),
        ResultKind.NotFound => Problem(StatusCodes.Status404NotFound, text[result.MessageKey ?? "未找到该记录"]),
        ResultKind.Forbidden => Problem(StatusCodes.Status403Forbidden, text[result.MessageKey ?? "无权执行此操作"]),
        ResultKind.Unprocessable => Problem(StatusCodes.Status422UnprocessableEntity, text[result.MessageKey ?? "操作与当前状态冲突", result.Args]),
        _ => Problem(StatusCodes.Status409Conflict, text[result.MessageKey ?? "操作与当前状态冲突", result.Args]),
    };

    public static ValidationProblem Validation(ValidationErrors errors, IStringLocalizer<SharedResource> text)
    {
        var dictionary = errors.Items
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => text[e.MessageKey, e.Args].Value).ToArray());
        return TypedResults.ValidationProblem(dictionary, title: text["请检查填写的内容"]);
    }

    public static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status);
}
