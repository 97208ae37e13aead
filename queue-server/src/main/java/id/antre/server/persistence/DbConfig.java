package id.antre.server.persistence;

/** Where PostgreSQL is, and how many connections to hold. */
public record DbConfig(String host, int port, String database, String user, String password, int poolSize) {
}
