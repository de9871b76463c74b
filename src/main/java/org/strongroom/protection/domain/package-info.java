/** {@link org.strongroom.protection.domain.ProtectedItem} and its repository port. */
package org.strongroom.protection.domain;
