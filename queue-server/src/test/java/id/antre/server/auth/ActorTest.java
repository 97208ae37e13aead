package id.antre.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.antre.server.auth.Actor.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActorTest {

  @Test
  void anOfficerActsForTheirOwnAgencyOnly() {
    Actor officer = new Actor("petugas-dukcapil", Role.OFFICER, "DUKCAPIL");

    assertThat(officer.mayActFor("DUKCAPIL")).isTrue();
    assertThat(officer.mayActFor("POLRES")).isFalse();
    assertThat(officer.mayActFor("dukcapil")).as("codes are exact").isFalse();
  }

  @Test
  void aSupervisorActsForTheirOwnAgencyOnly() {
    Actor supervisor = new Actor("koordinator-polres", Role.SUPERVISOR, "POLRES");

    assertThat(supervisor.mayActFor("POLRES")).isTrue();
    assertThat(supervisor.mayActFor("DUKCAPIL")).isFalse();
  }

  @Test
  void anOfficerWithoutAnAgencyActsForNone() {
    assertThat(new Actor("x", Role.OFFICER, null).mayActFor("DUKCAPIL")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"MANAGER", "ADMIN"})
  void managersAndAdminsActForEveryAgency(Role role) {
    Actor actor = new Actor("manager", role, null);

    assertThat(actor.mayActFor("DUKCAPIL")).isTrue();
    assertThat(actor.mayActFor("POLRES")).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"KIOSK", "DISPLAY", "PRINT_AGENT"})
  void devicesActForNoAgencyEvenWithAnAgencySet(Role role) {
    assertThat(new Actor("kiosk-1", role, "DUKCAPIL").mayActFor("DUKCAPIL")).isFalse();
    assertThat(new Actor("kiosk-1", role, "DUKCAPIL").isStaff()).isFalse();
  }

  @Test
  void kiosksAndStaffMayIssueTicketsButDisplaysAndPrintAgentsMayNot() {
    assertThat(new Actor("k", Role.KIOSK, null).mayIssue()).isTrue();
    assertThat(new Actor("o", Role.OFFICER, "DUKCAPIL").mayIssue()).isTrue();
    assertThat(new Actor("d", Role.DISPLAY, null).mayIssue()).isFalse();
    assertThat(new Actor("p", Role.PRINT_AGENT, null).mayIssue()).isFalse();
  }

  @Test
  void rolesAreReadFromTheirStoredNames() {
    assertThat(Role.ofUser("officer")).isEqualTo(Role.OFFICER);
    assertThat(Role.ofUser("manager")).isEqualTo(Role.MANAGER);
    assertThat(Role.ofDevice("print-agent")).isEqualTo(Role.PRINT_AGENT);
    assertThat(Role.ofDevice("kiosk")).isEqualTo(Role.KIOSK);
  }

  @Test
  void whoMayDoWhatBeyondTheirAgencyIsDecidedByRoleInOnePlace() {
    for (Role r : Role.values()) {
      Actor a = new Actor("x", r, "DUKCAPIL", "kiosk-1");
      assertThat(a.mayReassignCounters()).as("%s reassigns counters", r)
          .isEqualTo(r == Role.SUPERVISOR || r == Role.MANAGER || r == Role.ADMIN);
      assertThat(a.managesHall()).as("%s manages the hall", r).isEqualTo(r == Role.MANAGER || r == Role.ADMIN);
      assertThat(a.administersAccounts()).as("%s administers accounts", r).isEqualTo(r == Role.ADMIN);
      assertThat(a.isPrintAgent()).as("%s is a print agent", r).isEqualTo(r == Role.PRINT_AGENT);
    }
    assertThat(new Actor("p", Role.PRINT_AGENT, null, null).isPrintAgent()).as("an agent bound to no kiosk").isFalse();
  }
}
