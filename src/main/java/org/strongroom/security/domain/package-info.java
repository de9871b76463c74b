/** The {@link org.strongroom.security.domain.UserAccount} aggregate and its repository port. */
package org.strongroom.security.domain;
