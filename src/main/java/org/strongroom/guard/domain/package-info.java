/** Resource guards: domain. */
package org.strongroom.guard.domain;
