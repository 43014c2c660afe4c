package dev.invoicebridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the Invoicebridge service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InvoicebridgeApplication {
  public static void main(String[] args) {
    SpringApplication.run(InvoicebridgeApplication.class, args);
  }
}
