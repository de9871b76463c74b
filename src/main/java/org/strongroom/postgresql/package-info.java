/**
 * PostgreSQL databases as a workload: the source's address ({@link org.strongroom.postgresql.PostgresSource}),
 * the client tools installed on the server ({@code psql}, {@code pg_dump}, {@code pg_restore}) chosen to fit
 * the database server's version, and the streams they read and write — a dump never lands in a file.
 *
 * <p>Depends on {@code platform} only.
 */
package org.strongroom.postgresql;
