namespace MCPilot.Storage.EfCore.Tests.Contract;

/// <summary>The store contract against the in-memory stores (core).</summary>
public sealed class InMemoryStoreTests(InMemoryStoreFixture fixture) : StoreContractTests(fixture), IClassFixture<InMemoryStoreFixture>;

/// <summary>The store contract against the EF Core stores on SQLite.</summary>
public sealed class SqliteStoreTests(SqliteStoreFixture fixture) : StoreContractTests(fixture), IClassFixture<SqliteStoreFixture>;

/// <summary>The store contract against the EF Core stores on a real PostgreSQL.</summary>
public sealed class PostgreSqlStoreTests(PostgreSqlStoreFixture fixture) : StoreContractTests(fixture), IClassFixture<PostgreSqlStoreFixture>;
