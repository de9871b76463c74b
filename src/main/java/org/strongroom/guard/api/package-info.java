/** Resource guards: api. */
package org.strongroom.guard.api;
