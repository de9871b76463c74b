/** Appending to the log (in the caller's transaction, or alone for a refused change), searching it, verifying it. */
package org.strongroom.activitylog.app;
