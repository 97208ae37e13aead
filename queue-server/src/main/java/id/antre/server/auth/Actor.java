package id.antre.server.auth;

/**
 * Who makes a request: a signed-in user (officer, supervisor, manager, admin) or a device
 * (kiosk, display, print agent, survey tablet). {@code agency} is set for officers and supervisors only;
 * {@code kiosk} for print agents (the kiosk whose tickets they print) and kiosks (themselves).
 */
public record Actor(String name, Role role, String agency, String kiosk) {

  public Actor(String name, Role role, String agency) {
    this(name, role, agency, null);
  }

  /** Roles, from the narrowest. */
  public enum Role {
    KIOSK, DISPLAY, PRINT_AGENT, SURVEY, OFFICER, SUPERVISOR, MANAGER, ADMIN;

    public static Role ofUser(String role) {
      return valueOf(role.toUpperCase());
    }

    public static Role ofDevice(String kind) {
      return valueOf(kind.toUpperCase().replace('-', '_'));
    }
  }

  public boolean isStaff() {
    return role.compareTo(Role.OFFICER) >= 0;
  }

  /** Officers and supervisors act for their own agency; managers and admins for the whole hall. */
  public boolean mayActFor(String agencyCode) {
    return switch (role) {
      case OFFICER, SUPERVISOR -> agencyCode.equals(agency);
      case MANAGER, ADMIN -> true;
      default -> false;
    };
  }

  /** A print agent of the kiosk, the kiosk itself, or a manager may follow the kiosk's printer. */
  public boolean mayFollowPrinter(String kioskId) {
    return switch (role) {
      case PRINT_AGENT, KIOSK -> kioskId.equals(kiosk);
      case MANAGER, ADMIN -> true;
      default -> false;
    };
  }

  public boolean mayIssue() {
    return role == Role.KIOSK || isStaff();
  }

  /** Supervisors (for their agency), managers and admins change which services a counter calls. */
  public boolean mayReassignCounters() {
    return role == Role.SUPERVISOR || role == Role.MANAGER || role == Role.ADMIN;
  }

  /** Managers and admins run the whole hall: its running text, its print jobs. */
  public boolean managesHall() {
    return role == Role.MANAGER || role == Role.ADMIN;
  }

  /** A print agent bound to a kiosk: the only one that reports on that kiosk's printer. */
  public boolean isPrintAgent() {
    return role == Role.PRINT_AGENT && kiosk != null;
  }

  /** Only administrators activate and deactivate accounts and revoke devices. */
  public boolean administersAccounts() {
    return role == Role.ADMIN;
  }

  /** Only administrators change the hall's configuration (managers read it). */
  public boolean configuresHall() {
    return role == Role.ADMIN;
  }
}
