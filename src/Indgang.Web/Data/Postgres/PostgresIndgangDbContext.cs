using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Data.Postgres;

public sealed class PostgresIndgangDbContext(DbContextOptions<PostgresIndgangDbContext> options) : IndgangDbContext(options);
