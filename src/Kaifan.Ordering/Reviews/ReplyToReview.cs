using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kaifan.Ordering.Reviews;

/// <summary>
/// POST /api/merchant/reviews/{id}/reply: 商家回复, once per review (409 naming reply), up to 200 characters (400 naming
/// text); another shop's review is 404.
/// </summary>
internal static class ReplyToReview
{
    internal sealed record Request(string? Text);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(r => r.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写回复内容 (the reply is required)")
            .MaximumLength(Review.MaxReplyLength).WithMessage($"回复最多{Review.MaxReplyLength}字 (a reply is at most {Review.MaxReplyLength} characters)");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/merchant/reviews/{id:guid}/reply", HandleAsync)
            .RequireAuthorization(Roles.Merchant)
            .Validate<Request>()
            .WithTags("Reviews")
            .Produces<ReviewView>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, Request request, ClaimsPrincipal user, OrderingDb db, TimeProvider clock, CancellationToken ct)
    {
        var merchantId = user.MerchantId();
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == id && r.MerchantId == merchantId, ct);
        if (review is null)
        {
            return Problems.NotFound("评价 (review)");
        }

        if (!review.Answer(request.Text!.Trim(), clock.GetUtcNow()))
        {
            return AlreadyAnswered();
        }

        // Two replies racing: the second one's update finds the row no longer without a reply.
        var now = review.RepliedAt;
        var written = await db.Reviews
            .Where(r => r.Id == id && r.Reply == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Reply, review.Reply).SetProperty(r => r.RepliedAt, now), ct);
        return written == 1 ? Results.Ok(ReviewView.Of(review, withCashback: true)) : AlreadyAnswered();
    }

    private static IResult AlreadyAnswered() => Problems.Conflict("该评价已回复过 (this review already has a reply)", "reply");
}
