using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>Direct looks into the test database, for arranging and for asserting what a request did.</summary>
public static class AppData
{
    public static async Task<T> QueryAsync<T>(this IndgangAppFactory factory, Func<IndgangDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IndgangDbContext>());
    }

    public static Task<Guid> PersonIdAsync(this IndgangAppFactory factory, string firstName) =>
        factory.QueryAsync(db => db.Persons.Where(p => p.FirstName == firstName).Select(p => p.Id).SingleAsync());

    public static Task<int> AuditCountAsync(this IndgangAppFactory factory, AuditAction action, Guid subject) =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.SubjectPersonId == subject));
}
