package dev.invoicebridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The package boundaries the house style promises, enforced by the build. */
@AnalyzeClasses(
    packages = "dev.invoicebridge",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule stripe_java_stays_inside_the_stripe_adapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.invoicebridge.invoicing.stripe..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.stripe..");

  @ArchTest
  static final ArchRule the_rest_of_the_service_sees_providers_only_through_the_port =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.invoicebridge.invoicing.stripe..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.invoicebridge.invoicing.stripe..");

  @ArchTest
  static final ArchRule nothing_reaches_into_internal_packages_of_another =
      noClasses()
          .that()
          .resideOutsideOfPackage("..internal..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.invoicebridge..internal..");

  @ArchTest
  static final ArchRule the_api_and_the_web_ui_do_not_depend_on_each_other =
      noClasses()
          .that()
          .resideInAPackage("dev.invoicebridge.api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.invoicebridge.web..")
          .andShould()
          .dependOnClassesThat()
          .resideInAPackage("dev.invoicebridge.jobs..");

  @ArchTest
  static final ArchRule capabilities_have_no_cycles =
      SlicesRuleDefinition.slices().matching("dev.invoicebridge.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule clients_and_emulators_do_not_know_the_service =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.invoicebridge.attio..",
              "dev.invoicebridge.quickbooks..",
              "dev.invoicebridge.sandbox..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..");
}
