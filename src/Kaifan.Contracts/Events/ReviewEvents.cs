namespace Kaifan.Contracts.Events;

/// <summary>
/// The customer reviewed a delivered order (评价), once: stars 1–5 for the whole (Overall), 口味 (Taste), 包装
/// (Packaging) and the rider's 配送 (Delivery). Catalog moves the shop's score with Overall, Dispatch the rider's with
/// Delivery; RiderId is null for an order no rider carried.
/// </summary>
public sealed record OrderReviewed(
    Guid ReviewId, Guid OrderId, Guid MerchantId, Guid? RiderId, int Overall, int Taste, int Packaging, int Delivery, DateTimeOffset ReviewedAt);
