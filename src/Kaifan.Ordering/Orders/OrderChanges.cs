using Kaifan.BuildingBlocks.Http;
using Kaifan.Contracts.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Kaifan.Ordering.Orders;

internal static class OrderChanges
{
    /// <summary>Commits a transition with its events; a concurrent change of the same order (Version token) answers 409.</summary>
    public static async Task<IResult?> CommitAsync(IDbContextOutbox<OrderingDb> outbox, CancellationToken ct)
    {
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The outbox's transaction stays open after a failed save until the request's scope ends; on SQLite it holds
            // the write lock meanwhile, and the staff audit entry written before that waits on it (up to the busy timeout).
            if (outbox.DbContext.Database.CurrentTransaction is { } transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            return Problems.Conflict("订单状态已变化，请刷新后重试 (the order changed meanwhile)", "status");
        }
    }

    public static IResult Refused(Transition transition) => Problems.Conflict(transition.Error!, "status");

    /// <summary>
    /// A one-step action on an order the caller may see (null: 404): take the step, publish what happened in the same
    /// commit, answer the order as staff see it (masked, unless <paramref name="view"/> says how the caller sees it); a
    /// refused step answers 409 and changes nothing.
    /// </summary>
    public static async Task<IResult> StepAsync<TEvent>(
        Order? order, IDbContextOutbox<OrderingDb> outbox, IPersonalDataProtector protector, Func<Order, Transition> step, Func<Order, TEvent> happened, CancellationToken ct,
        Func<Order, OrderView>? view = null)
        where TEvent : class
    {
        if (order is null)
        {
            return Problems.NotFound("订单");
        }

        var transition = step(order);
        if (!transition.Done)
        {
            return Refused(transition);
        }

        await outbox.PublishAsync(happened(order));
        return await CommitAsync(outbox, ct) ?? Results.Ok(view?.Invoke(order) ?? OrderView.From(order, protector, masked: true));
    }
}
