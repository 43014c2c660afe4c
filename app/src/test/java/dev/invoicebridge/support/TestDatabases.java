package dev.invoicebridge.support;

import dev.invoicebridge.config.InvoicebridgeEnvironment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh, migrated databases for tests: H2 in PostgreSQL mode, or a real embedded PostgreSQL. */
public final class TestDatabases {
  /** The two databases the service supports. */
  public enum Kind {
    H2,
    POSTGRES
  }

  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** One PostgreSQL server per test JVM; each caller gets its own database in it. */
  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // The JVM is exiting anyway.
                    }
                  }));
    }
    return postgres;
  }

  /** JDBC URL of a new, empty PostgreSQL database. */
  public static String newPostgresDatabaseUrl() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = postgres().getPostgresDatabase().getConnection()) {
      c.createStatement().execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgres().getJdbcUrl("postgres", name);
  }

  /** A new database of {@code kind} with every migration applied. */
  public static DataSource migrated(Kind kind) {
    return migratedTo(kind, null);
  }

  /**
   * A new database of {@code kind} with the migrations up to {@code version} applied (all of them
   * when it is null): to test a migration on the data of the version before it.
   */
  public static DataSource migratedTo(Kind kind, String version) {
    DataSource dataSource = empty(kind);
    migrate(dataSource, version);
    return dataSource;
  }

  /** Applies the migrations up to {@code version}, or all of them when it is null. */
  public static void migrate(DataSource dataSource, String version) {
    var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    if (version != null) {
      flyway.target(version);
    }
    flyway.load().migrate();
  }

  private static DataSource empty(Kind kind) {
    return switch (kind) {
      case H2 -> {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(
            "jdbc:h2:mem:"
                + UUID.randomUUID()
                + InvoicebridgeEnvironment.H2_OPTIONS
                + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        yield h2;
      }
      case POSTGRES -> {
        String url = newPostgresDatabaseUrl();
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser("postgres");
        yield pg;
      }
    };
  }
}
