/** Resource guards: infra. */
package org.strongroom.guard.infra;
