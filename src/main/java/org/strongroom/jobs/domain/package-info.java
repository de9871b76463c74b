/**
 * The {@link org.strongroom.jobs.domain.Job} aggregate, its lifecycle rules and its repository port.
 * Imports no {@code api} or {@code infra}.
 */
package org.strongroom.jobs.domain;
