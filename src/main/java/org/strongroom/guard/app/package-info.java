/** Resource guards: app. */
package org.strongroom.guard.app;
