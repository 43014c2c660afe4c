package dev.invoicebridge.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: PostgreSQL when INVOICEBRIDGE_DATABASE_URL is set, else an H2 file in the data
 * directory.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(InvoicebridgeProperties properties) {
    InvoicebridgeProperties.Database db = properties.database();
    boolean embedded = db.url() == null || db.url().isBlank();
    String url =
        embedded
            ? "jdbc:h2:file:"
                + properties.dataDir().toAbsolutePath().resolve("invoicebridge")
                + InvoicebridgeEnvironment.H2_OPTIONS
            : db.url();
    return DataSourceBuilder.create()
        .type(HikariDataSource.class)
        .url(url)
        .username(embedded ? "sa" : db.username())
        .password(embedded ? "" : db.password())
        .build();
  }
}
