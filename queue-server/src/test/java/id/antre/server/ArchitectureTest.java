package id.antre.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import id.antre.server.queue.Failures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * STYLE.md habits 1 and 6, kept by the build: a plain domain, SQL only in persistence; and the
 * layering one way: api and realtime call the application (queue, auth), which uses the domain
 * and, for queue, its own repository interfaces that persistence implements; no command travels
 * on the event bus by name.
 */
@AnalyzeClasses(packages = "id.antre.server", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
  static {
    // the rules look at package names only; reading every Vert.x class file as well costs seconds
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
  }

  @ArchTest
  static final ArchRule theDomainIsPlainJavaWithoutInfrastructure = noClasses()
      .that().resideInAPackage("id.antre.server.domain..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.vertx..", "io.netty..", "org.yaml..", "java.sql..", "javax.sql..", "com.fasterxml..")
      .because("the domain is plain Java: no Vert.x, no SQL, no JSON (STYLE.md habit 1)");

  @ArchTest
  static final ArchRule theDomainDependsOnNoOtherPartOfTheServer = noClasses()
      .that().resideInAPackage("id.antre.server.domain..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "id.antre.server.persistence..", "id.antre.server.api..", "id.antre.server.bus..",
          "id.antre.server.queue..", "id.antre.server.config..", "id.antre.server.auth..",
          "id.antre.server.announce..", "id.antre.server.realtime..", "id.antre.server.view..",
          "id.antre.server.wiring..")
      .orShould().dependOnClassesThat().belongToAnyOf(AntreServer.class, Main.class, ServerConfig.class)
      .because("the adapters depend on the domain, never the other way round");

  @ArchTest
  static final ArchRule theDomainTakesNowFromAnInjectedClock = noClasses()
      .that().resideInAPackage("id.antre.server.domain..")
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(LocalDate.class, "now")
      .orShould().callMethod(LocalTime.class, "now")
      .orShould().callMethod(LocalDateTime.class, "now")
      .orShould().callMethod(ZonedDateTime.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .because("\"now\" is passed in so tests control time (STYLE.md habit 1)");

  @ArchTest
  static final ArchRule announcementsDoNotDependOnVertx = noClasses()
      .that().resideInAPackage("id.antre.server.announce..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..")
      .because("building an announcement is plain code that the gateway and the tests call alike");

  @ArchTest
  static final ArchRule theSatisfactionIndexIsPlainJava = noClasses()
      .that().belongToAnyOf(id.antre.server.survey.Ikm.class, id.antre.server.survey.Skm.class)
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.vertx..", "io.netty..", "java.sql..", "id.antre.server.persistence..", "id.antre.server.api..")
      .because("the IKM and the questionnaire are rules, computed the same by the service, the tests and the report");

  @ArchTest
  static final ArchRule onlyPersistenceAndTheServerWiringTouchTheSqlClient = noClasses()
      .that().resideOutsideOfPackages("id.antre.server.persistence..", "id.antre.server.wiring..")
      .should().dependOnClassesThat().resideInAPackage("io.vertx.sqlclient..")
      .because("SQL lives only in the persistence package (STYLE.md habit 6); the wiring only builds the pools");

  @ArchTest
  static final ArchRule onlyPersistenceInterpretsPostgresErrors = noClasses()
      .that().resideOutsideOfPackages("id.antre.server.persistence..", "id.antre.server.wiring..")
      .should().dependOnClassesThat().resideInAPackage("io.vertx.pgclient..")
      .because("PostgreSQL errors are mapped by SQLSTATE constants in one place (STYLE.md habits 5 and 6)");

  @ArchTest
  static final ArchRule persistenceIsUsedOnlyByTheApplicationAndTheWiring = noClasses()
      .that().resideOutsideOfPackages("id.antre.server.persistence..",
          "id.antre.server.auth..", "id.antre.server.survey..", "id.antre.server.stats..",
          "id.antre.server.jobs..", "id.antre.server.metrics..", "id.antre.server.liveconfig..",
          "id.antre.server.wiring..")
      .and(not(belongToAnyOf(AntreServer.class, ServerConfig.class, Failures.class)))
      .should().dependOnClassesThat().resideInAPackage("id.antre.server.persistence..")
      .because("no persistence type above the application: the routes, the gateway, the events and the views "
          + "see the application's and the domain's records (ServerConfig only reads the database settings); "
          + "the queue services call the repository interfaces they declare (TicketRepository, "
          + "CounterRepository, OverviewRepository, PrintRepository), which the stores implement and the unit "
          + "tests fake, and only the wiring (the wiring package; AntreServer for the database settings of create-admin) "
          + "names a store; Failures, the one classification of a "
          + "failure, asks PgErrors what a database failure stands for");

  @ArchTest
  static final ArchRule theApplicationDoesNotKnowItsCallers = noClasses()
      .that().resideInAnyPackage("id.antre.server.queue..", "id.antre.server.auth..", "id.antre.server.survey..",
          "id.antre.server.stats..", "id.antre.server.liveconfig..", "id.antre.server.booking..")
      .should().dependOnClassesThat().resideInAnyPackage("id.antre.server.api..", "id.antre.server.realtime..",
          "id.antre.server.view..", "id.antre.server.wiring..")
      .orShould().dependOnClassesThat().belongToAnyOf(AntreServer.class)
      .because("the layering is one way: api and realtime -> application -> domain");

  @ArchTest
  static final ArchRule onlyTheNodeKnowsTheWiring = noClasses()
      .that().resideOutsideOfPackage("id.antre.server.wiring..")
      .and(not(belongToAnyOf(AntreServer.class)))
      .should().dependOnClassesThat().resideInAPackage("id.antre.server.wiring..")
      .because("the wiring is the node's composition root: AntreServer starts and stops the families it makes, "
          + "and nothing it makes looks back at how it was made");

  @ArchTest
  static final ArchRule theHttpAdapterAndTheGatewayMeetOnlyWhereTheGatewayIsMounted = noClasses()
      .that().resideInAPackage("id.antre.server.realtime..")
      .should().dependOnClassesThat().resideInAPackage("id.antre.server.api..")
      .because("the gateway is called by the HTTP verticle, never the other way round");

  @ArchTest
  static final ArchRule noCommandIsSentOnTheEventBus = noClasses()
      .should().callMethodWhere(DescribedPredicate.describe("a request on the event bus",
          (JavaMethodCall call) -> call.getTargetOwner().getName().equals("io.vertx.core.eventbus.EventBus")
              && call.getName().equals("request")))
      .because("commands are typed calls on the application's interfaces; the bus only carries what is "
          + "published to every node (bus.Addresses), so no command is named by a string anywhere");

  @ArchTest
  static final ArchRule wallClockMillisOnlyInTheGateway = noClasses()
      .that().resideOutsideOfPackage("id.antre.server.realtime..")
      .should().callMethod(System.class, "currentTimeMillis")
      .because("time of day comes from the injected Clock, ages from System.nanoTime; the gateway's heartbeats "
          + "and idle checks are the one place that reads the wall clock directly");
}
