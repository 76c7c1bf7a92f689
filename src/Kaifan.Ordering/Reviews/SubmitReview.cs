using System.Security.Claims;
using FluentValidation;
using Kaifan.BuildingBlocks.Http;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Events;
using Kaifan.Contracts.Queries;
using Kaifan.Ordering.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Reviews;

/// <summary>
/// POST /api/orders/{id}/review: 评价 of the customer's own delivered order (anyone else's is 404), once, within 7 days of
/// delivery. Stars 1–5 (400 naming the field), tags from <see cref="ReviewTags"/>, text up to 300 characters; 409 for
/// an order not delivered (status) or already reviewed (review), 422 once the 7 days are over (deliveredAt).
/// photoIds names up to 3 photos this customer uploaded (POST /api/review-photos) and no review holds yet (422 naming
/// photoIds otherwise); a review with photos also tells Growth (PhotoReviewPosted), which may queue it for 晒图返现.
/// </summary>
internal static class SubmitReview
{
    internal sealed record Request(int Overall, int Taste, int Packaging, int Delivery, List<string>? Tags, string? Text, bool Anonymous, List<Guid>? PhotoIds = null);

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Overall).InclusiveBetween(1, 5).WithMessage("总体评分为1到5星 (overall is 1 to 5 stars)");
            RuleFor(r => r.Taste).InclusiveBetween(1, 5).WithMessage("口味评分为1到5星 (taste is 1 to 5 stars)");
            RuleFor(r => r.Packaging).InclusiveBetween(1, 5).WithMessage("包装评分为1到5星 (packaging is 1 to 5 stars)");
            RuleFor(r => r.Delivery).InclusiveBetween(1, 5).WithMessage("配送评分为1到5星 (delivery is 1 to 5 stars)");
            RuleFor(r => r.Tags)
                .Must(tags => tags is null || tags.All(ReviewTags.IsKnown)).WithMessage("请从给出的标签中选择 (tags come from the given list)")
                .Must(tags => tags is null || tags.Distinct().Count() == tags.Count).WithMessage("标签不能重复 (a tag is chosen once)");
            RuleFor(r => r.PhotoIds)
                .Must(ids => ids is null || ids.Count <= ReviewPhoto.MaxPerReview).WithMessage($"最多上传{ReviewPhoto.MaxPerReview}张图片 (at most {ReviewPhoto.MaxPerReview} photos)")
                .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("同一张图片只能选一次 (a photo is chosen once)");
            RuleFor(r => r.Text).MaximumLength(Review.MaxTextLength).WithMessage($"评价内容最多{Review.MaxTextLength}字 (text is at most {Review.MaxTextLength} characters)");
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api/orders/{id:guid}/review", HandleAsync)
            .RequireAuthorization(Roles.Customer)
            .Validate<Request>()
            .WithTags("Reviews")
            .Produces<ReviewView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var customerId = user.UserId();
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, ct);
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var now = clock.GetUtcNow();
        if (order is not { Status: OrderStatus.Delivered, DeliveredAt: { } deliveredAt })
        {
            return Problems.Conflict($"订单当前状态为{OrderStatusText.Of(order.Status)}，送达后才能评价 (only a delivered order can be reviewed)", "status");
        }

        if (await db.Reviews.AnyAsync(r => r.OrderId == id, ct))
        {
            return AlreadyReviewed();
        }

        if (now > deliveredAt + Review.Window)
        {
            return Problems.Unprocessable("送达超过7天的订单不能再评价 (reviews close 7 days after delivery)", "deliveredAt");
        }

        var photoIds = request.PhotoIds ?? [];
        var photos = photoIds.Count == 0
            ? []
            : await db.ReviewPhotos.Where(p => photoIds.Contains(p.Id) && p.CustomerId == customerId && p.ReviewId == null).ToListAsync(ct);
        if (photos.Count != photoIds.Count)
        {
            return PhotosTaken();
        }

        var text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim();
        var review = Review.Write(
            order.Id, customerId, order.MerchantId, order.RiderId, new ReviewStars(request.Overall, request.Taste, request.Packaging, request.Delivery),
            request.Tags ?? [], text, request.Anonymous, protector.Unprotect(order.ContactNameProtected), photoIds, now);
        db.Reviews.Add(review);
        photos.ForEach(p => p.ReviewId = review.Id);
        await outbox.PublishAsync(new OrderReviewed(review.Id, order.Id, order.MerchantId, order.RiderId, review.Overall, review.Taste, review.Packaging, review.Delivery, now));
        if (photoIds.Count > 0)
        {
            await outbox.PublishAsync(new PhotoReviewPosted(
                review.Id, order.Id, customerId, order.MerchantId, order.TotalFen, photoIds.Count, text?.Length ?? 0, photoIds, order.PlacedAt, now));
        }

        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return AlreadyReviewed();
        }
        catch (DbUpdateConcurrencyException)
        {
            return PhotosTaken();
        }

        return Results.Json(ReviewView.Of(review), statusCode: StatusCodes.Status201Created);
    }

    private static IResult PhotosTaken() =>
        Problems.Unprocessable("图片不存在或已用于其他评价，请重新上传 (a photo is unknown or already used: upload it again)", "photoIds");

    private static IResult AlreadyReviewed() => Problems.Conflict("该订单已评价过 (this order is already reviewed)", "review");
}
