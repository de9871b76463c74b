/**
 * Strongroom: a self-hosted backup vault service whose backup data only the customer's own key can open.
 *
 * <p>Packages are business components ({@code keyvault}, {@code vault}, {@code jobs}, ...), each layered
 * inside as {@code api} (JAX-RS resources and DTOs), {@code app} (use cases and transactions),
 * {@code domain} (entities with behaviour, repository interfaces) and {@code infra} (JPA, JMS, files).
 * {@code platform} is the shared kernel every component may use; {@code crypto} is the only place
 * that touches cryptographic APIs. See docs/architecture.md for the dependency rules.
 */
package org.strongroom;
