using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Platform.Web;

public static class ProblemDetailsSetup
{
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var text = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            var title = TitleKey(status);
            if (title is not null && (ctx.ProblemDetails.Title is null || IsFrameworkTitle(ctx.ProblemDetails.Title)))
            {
                ctx.ProblemDetails.Title = text[title];
            }

            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        return services;
    }

    public static string? TitleKey(int status) => status switch
    {
        400 => "请求无效",
        401 => "请先登录",
        403 => "无权执行此操作",
        404 => "未找到",
        405 => "不支持该请求方法",
        409 => "操作与当前状态冲突",
        413 => "内容太大",
        415 => "不支持的内容类型",
        422 => "无法处理该请求",
        429 => "请求过于频繁，请稍后再试",
        >= 500 => "服务器出错了，请稍后再试",
        _ => null,
    };

    private static bool IsFrameworkTitle(string title) =>
        title.StartsWith("One or more validation errors", StringComparison.Ordinal)
        || title is "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Conflict"
            or "An error occurred while processing your request." or "Too Many Requests" or "Unprocessable Entity";
}

/// <summary>An entity's refusal (illegal transition) is a 409 with its message, never a 500.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = 409, Detail = text[domain.MessageKey, [.. domain.Args]] },
        });
    }
}
