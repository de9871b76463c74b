/**
 * The HTTP edge shared by all components: the JAX-RS application at {@code /api}, the error model
 * (every refusal is {@code {"code","message","target"}}, never a stack trace), the JSON settings,
 * health, and the error pages the servlet container itself produces (401, 403, ...).
 *
 * <p>Depends on {@code platform} only; components' resources depend on it.
 */
package org.strongroom.web;
