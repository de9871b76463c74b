/** Protected items on JPA. */
package org.strongroom.protection.infra;
