/** Users on JPA, the Jakarta Security identity store, and the start-up creation of {@code admin}. */
package org.strongroom.security.infra;
