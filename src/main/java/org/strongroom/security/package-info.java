/**
 * Users and roles: {@code admin} (everything), {@code operator} (backup, restore, read), {@code reader}
 * (read only). Users live in Strongroom's database with bcrypt hashes; HTTP Basic is authenticated
 * through Jakarta Security on WildFly Elytron by {@link org.strongroom.security.infra.DatabaseIdentityStore}.
 * The {@code admin} user is created at first start from {@code STRONGROOM_ADMIN_PASSWORD}.
 *
 * <p>Depends on {@code platform}, {@code crypto} and {@code web}.
 */
package org.strongroom.security;
